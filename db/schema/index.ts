export * from "./users";
export * from "./projects";
export * from "./inventories";
export * from "./credentials";
export * from "./templates";
export * from "./schedules";
export * from "./jobs";
