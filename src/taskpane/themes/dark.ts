// Loaded only when Office is in a dark theme (its own chunk).
export { webDarkTheme as theme } from "@fluentui/react-components";
