// The delivery targets a hall configures (setting `export.targets`): folders (a mounted
// share or a USB stick) and HTTP(S) endpoints. Each target has a stable key; a batch counts
// as delivered once every configured key has a confirmation.
import { isAbsolute } from 'node:path';
import { z } from 'zod';

export const targetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('folder'), path: z.string().min(1).max(1000).refine((p) => isAbsolute(p), 'an absolute path') }),
  z.object({
    kind: z.literal('url'),
    url: z
      .string()
      .max(2000)
      .refine((u) => {
        try {
          const p = new URL(u).protocol;
          return p === 'https:' || p === 'http:';
        } catch {
          return false;
        }
      }, 'an http(s) URL'),
  }),
]);
export type ExportTarget = z.infer<typeof targetSchema>;
export const targetsSchema = z.array(targetSchema).max(8);

export function targetKey(t: ExportTarget): string {
  return t.kind === 'folder' ? `folder:${t.path}` : `url:${t.url}`;
}

/** What a target says when it took the batch. */
export interface Delivery {
  detail: string;
}

export interface DeliveryTarget {
  readonly key: string;
  deliver(file: string, batchId: string, sha256: string, size: number): Promise<Delivery>;
}
