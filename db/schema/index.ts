export * from "./accounts";
export * from "./people";
export * from "./audit";
export * from "./plans";
export * from "./carers";
export * from "./communication";
export * from "./requests";
export * from "./decisions";
