import { CREDENTIAL_FIELDS } from "./credential";
import { HOST_FIELDS } from "./host";
import { addedTable, fieldTable } from "./field-table";
import { INVENTORY_FIELDS } from "./inventory";
import { NOTIFICATION_FIELDS } from "./notification";
import { PROJECT_FIELDS } from "./project";
import { SAVED_FILTER_FIELDS } from "./saved-filter";
import { SCHEDULE_FIELDS } from "./schedule";
import { JOB_FIELDS } from "./job";
import { TEMPLATE_FIELDS } from "./template";
import { csvColumnTable } from "../jobs/csv-columns";

/** The generated regions of docs/api.md, by name (`npm run docs:fields` writes them). */
export const API_DOC_REGIONS: Record<string, string> = {
  "job-added": addedTable(JOB_FIELDS),
  job: fieldTable(JOB_FIELDS),
  "job-csv": csvColumnTable(),
  template: fieldTable(TEMPLATE_FIELDS),
  project: fieldTable(PROJECT_FIELDS),
  inventory: fieldTable(INVENTORY_FIELDS),
  credential: fieldTable(CREDENTIAL_FIELDS),
  schedule: fieldTable(SCHEDULE_FIELDS),
  host: fieldTable(HOST_FIELDS),
  notification: fieldTable(NOTIFICATION_FIELDS),
  "notification-added": addedTable(NOTIFICATION_FIELDS),
  "saved-filter": fieldTable(SAVED_FILTER_FIELDS),
  "saved-filter-added": addedTable(SAVED_FILTER_FIELDS),
};
