// Office's custom-functions runtime is absent under jest: record associations instead.
globalThis.CustomFunctions = globalThis.CustomFunctions || {
  associations: new Map(),
  associate(id, fn) { this.associations.set(id, fn); },
  Error: class CustomFunctionError extends Error {
    constructor(code, message) { super(message); this.code = code; }
  },
  ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!", nullReference: "#NULL!", invalidName: "#NAME?", invalidReference: "#REF!" },
};
