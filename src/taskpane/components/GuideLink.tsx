// The pane's link to the user guide (dist/guida.html, built from src/guide): a plain link
// beside the pane's own page, opened in a new window (Office opens it in the browser).
import * as React from "react";
import { Link, makeStyles, tokens } from "@fluentui/react-components";
import { GUIDE_LINK } from "../../messages/guideLink";

const useStyles = makeStyles({
  // Its own background (the pane's), so the link's contrast is measured against it in every theme and in forced colours.
  // The pane's text colour with an underline: legible in every theme (a high-contrast theme's hyperlink yellow
  // is not, once forced colours turn the background white).
  link: {
    color: tokens.colorNeutralForeground1,
    textDecorationLine: "underline",
    ":hover": { color: tokens.colorNeutralForeground1 },
    ":visited": { color: tokens.colorNeutralForeground1 },
  },
  footer: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`, fontSize: tokens.fontSizeBase200, backgroundColor: tokens.colorNeutralBackground1 },
});

export function GuideLink(): React.JSX.Element {
  const styles = useStyles();
  return (
    <footer className={styles.footer}>
      <Link className={styles.link} inline href="guida.html" target="_blank" rel="noopener noreferrer" title={GUIDE_LINK.title}>
        {GUIDE_LINK.label}
      </Link>
    </footer>
  );
}
