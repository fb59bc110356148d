// A cell address as a link that selects the cell through the host (the pane never talks to Excel).
import * as React from "react";
import { Link } from "@fluentui/react-components";
import { ui } from "../../messages/ui";

export type SelectCell = (sheet: string, cell: string) => void;

export function CellLink(props: { sheet?: string; cell?: string; onSelect: SelectCell; disabled?: boolean }): React.ReactElement | null {
  const { sheet, cell } = props;
  if (!sheet || !cell) return null;
  return (
    <Link as="button" disabled={props.disabled} aria-label={ui.calculate.goToCell(sheet, cell)} onClick={() => props.onSelect(sheet, cell)}>
      {cell}
    </Link>
  );
}
