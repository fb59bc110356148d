// The pane's link to the user guide (dist/guida.html, built from src/guide): a plain link
// beside the pane's own page, opened in a new window (Office opens it in the browser).
import * as React from "react";
import { Link, makeStyles, tokens } from "@fluentui/react-components";
import { GUIDE_LINK } from "../../messages/guideLink";

const useStyles = makeStyles({
  footer: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`, fontSize: tokens.fontSizeBase200 },
});

export function GuideLink(): React.JSX.Element {
  const styles = useStyles();
  return (
    <footer className={styles.footer}>
      <Link href="guida.html" target="_blank" rel="noopener noreferrer" title={GUIDE_LINK.title}>
        {GUIDE_LINK.label}
      </Link>
    </footer>
  );
}
