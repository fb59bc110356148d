// Problems grouped by sheet, then by card; each located problem is a link that selects
// its cell through the host (the component never talks to Excel itself).
import * as React from "react";
import { Badge, Link, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { ObjectiveResult, Problem, Severity } from "../../core/types";
import { ui } from "../../messages/ui";

const useStyles = makeStyles({
  counts: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  sheet: { marginTop: tokens.spacingVerticalM },
  sheetTitle: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: 0, wordBreak: "break-word" },
  cardTitle: {
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
    margin: `${tokens.spacingVerticalXS} 0 0 0`,
    wordBreak: "break-word",
  },
  list: { listStyleType: "none", margin: 0, padding: 0 },
  item: {
    display: "flex",
    columnGap: tokens.spacingHorizontalS,
    alignItems: "flex-start",
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  message: { wordBreak: "break-word", fontSize: tokens.fontSizeBase200 },
  badge: { flexShrink: 0 },
});

const severityColor: Record<Severity, "danger" | "warning" | "informative"> = {
  error: "danger",
  warning: "warning",
  info: "informative",
};
const severityOrder: Severity[] = ["error", "warning", "info"];

export function SeverityCounts(props: { problems: Problem[] }): React.ReactElement {
  const styles = useStyles();
  const counts = { error: 0, warning: 0, info: 0 } as Record<Severity, number>;
  for (const p of props.problems) counts[p.severity]++;
  return (
    <div className={styles.counts} role="group" aria-label={ui.validate.countsLabel}>
      {severityOrder.map((s) => (
        <Badge key={s} appearance={counts[s] ? "filled" : "outline"} color={severityColor[s]} data-severity={s}>
          {`${ui.severity[s]}: ${counts[s]}`}
        </Badge>
      ))}
    </div>
  );
}

interface CardGroup {
  key: string;
  title: string;
  problems: Problem[];
}
interface SheetGroup {
  sheet: string;
  cards: CardGroup[];
}

/** Sheets in order of first appearance (the reader sorts problems by workbook order). */
export function groupProblems(problems: Problem[], objectives: ObjectiveResult[]): SheetGroup[] {
  const names = new Map(objectives.map((o) => [o.id, o.name]));
  const sheets = new Map<string, Map<string, CardGroup>>();
  for (const p of problems) {
    const sheet = p.sheet ?? ui.validate.general;
    let cards = sheets.get(sheet);
    if (!cards) sheets.set(sheet, (cards = new Map()));
    const key = p.objectiveId ?? "";
    let group = cards.get(key);
    if (!group) {
      const title = (p.objectiveId && names.get(p.objectiveId)) || (key ? key : "");
      cards.set(key, (group = { key, title, problems: [] }));
    }
    group.problems.push(p);
  }
  return [...sheets].map(([sheet, cards]) => ({ sheet, cards: [...cards.values()] }));
}

export function ProblemList(props: {
  problems: Problem[];
  objectives: ObjectiveResult[];
  onSelect: (sheet: string, cell: string) => void;
  disabled?: boolean;
}): React.ReactElement {
  const styles = useStyles();
  const groups = groupProblems(props.problems, props.objectives);
  return (
    <div>
      {groups.map((g) => (
        <section key={g.sheet} className={styles.sheet} aria-label={g.sheet}>
          <h3 className={styles.sheetTitle}>{g.sheet}</h3>
          {g.cards.map((c) => (
            <div key={c.key}>
              {c.title && g.cards.length > 0 && <h4 className={styles.cardTitle}>{c.title}</h4>}
              {!c.title && g.cards.length > 1 && <h4 className={styles.cardTitle}>{ui.validate.cardFallback}</h4>}
              <ul className={styles.list}>
                {c.problems.map((p, i) => (
                  <li key={i} className={styles.item} data-severity={p.severity}>
                    <Badge className={styles.badge} size="small" appearance="tint" color={severityColor[p.severity]}>
                      {ui.severityOne[p.severity]}
                    </Badge>
                    <Text className={styles.message}>
                      {p.sheet && p.cell ? (
                        <Link
                          as="button"
                          disabled={props.disabled}
                          aria-label={ui.validate.goToCell(p.sheet, p.cell)}
                          onClick={() => props.onSelect(p.sheet!, p.cell!)}
                        >
                          {p.cell}
                        </Link>
                      ) : null}
                      {p.sheet && p.cell ? ": " : ""}
                      {p.message}
                    </Text>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}
