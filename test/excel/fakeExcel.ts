// The tests' fake Excel: the Office model of src/officeModel (a small, strict model of the
// Office.js Excel object model built from Microsoft's documentation, one file per Office
// object), re-exported so tests import one module. The browser preview's «Diagnostica» runs
// against the same model.
export * from "../../src/officeModel";
