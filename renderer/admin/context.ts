// What every admin section needs: the bound API, the raw client (for the voice recorder),
// the session token (for the event socket and image downloads) and the hall's time zone.
import { createContext, useContext } from 'react';
import type { ApiClient } from '../shared/api.js';
import type { AdminApi, HallInfo, Lang } from './adminApi.js';

export interface AdminContextValue {
  api: AdminApi;
  client: ApiClient;
  token: string;
  lang: Lang;
  hall: HallInfo | null;
}

export const AdminContext = createContext<AdminContextValue | null>(null);

export function useAdmin(): AdminContextValue {
  const v = useContext(AdminContext);
  if (!v) throw new Error('useAdmin outside <AdminContext.Provider>');
  return v;
}
