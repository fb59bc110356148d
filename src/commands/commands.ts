// Ribbon commands. The Home-tab button "Piano Performance" opens the task pane through
// the manifest's ShowTaskpane action, so no function command is registered here; the
// file exists (as in Microsoft's template) so the shared runtime initialises Office.
if (typeof Office !== "undefined") {
  void Office.onReady();
}
