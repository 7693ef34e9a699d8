export * from "./types";
export * from "./grade";
