"use client";

import { useId, useState } from "react";
import { Pager } from "../catalog/list/pager";
import { usePermissions } from "../auth/use-permissions";
import { EmptyState, QueryState } from "../ui/query-state";
import { inputClass } from "../ui/form-field";
import { Spinner } from "../ui/spinner";
import { usePagedSearch } from "../ui/use-paged-search";
import { useI18n } from "../i18n/i18n-provider";
import { UserCreateDialog } from "./user-create-dialog";
import { UserTable } from "./user-table";
import { useUsers } from "./use-user-queries";

const PAGE_SIZE = 50;

/** The admin's users page: search, the list with edit, a new user. */
export function UsersPage() {
  const { t } = useI18n();
  const u = t.users;
  const { me } = usePermissions();
  const searchId = useId();
  const { search, changeSearch, page, setPage, query, pageCount } = usePagedSearch({ ordering: "username", pageSize: PAGE_SIZE });
  const [notice, setNotice] = useState("");
  const list = useUsers(query);
  const rows = list.data?.results ?? [];

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold">{u.title}</h1>
        {list.isPlaceholderData && list.isFetching && <Spinner label={t.updating} />}
        <div className="ml-auto">
          <UserCreateDialog onCreated={(user) => setNotice(u.createdNotice(user.username))} />
        </div>
      </div>
      <div className="flex flex-wrap items-end gap-3">
        <div className="w-full sm:w-80">
          <label htmlFor={searchId} className="sr-only">
            {u.searchPlaceholder}
          </label>
          <input
            id={searchId}
            type="search"
            value={search}
            placeholder={u.searchPlaceholder}
            onChange={(e) => changeSearch(e.target.value)}
            className={inputClass}
          />
        </div>
        <p className="pb-2 text-sm text-slate-600" aria-live="polite">
          {list.data ? u.count(list.data.count) : "\u00a0"}
        </p>
        <p role="status" className="pb-2 text-sm text-green-800">
          {notice}
        </p>
      </div>
      <QueryState query={list} errorTitle={u.loadFailed} isEmpty={() => rows.length === 0} empty={<EmptyState>{u.empty}</EmptyState>}>
        {() => <UserTable users={rows} meId={me?.id} busy={list.isPlaceholderData} onSaved={(user) => setNotice(u.saved(user.username))} />}
      </QueryState>
      <Pager page={page} pages={pageCount(list.data?.count)} onPage={setPage} />
    </div>
  );
}
