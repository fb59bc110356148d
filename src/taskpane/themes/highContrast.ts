// Loaded only in high-contrast mode (its own chunk).
export { teamsHighContrastTheme as theme } from "@fluentui/react-components";
