import { SavedFilterRecord } from "../contracts/saved-filter";
import { drfPage } from "./job-record";

/** The saved filter API's answers (loaded by `saved-filter-api.ts` with its first answer). */
export { SavedFilterRecord };
export const SavedFilterPage = drfPage(SavedFilterRecord);
