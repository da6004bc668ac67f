// Shape checks for what GET /api/forms returns: a malformed definition is left out rather
// than taking the kiosk page down (the server validated it on import; this guards the wire).
import { FIELD_TYPES, type FormDefinition, type FormField } from '../../../electron/core/forms/definition.js';

const isText = (v: unknown): boolean =>
  typeof v === 'object' && v !== null && ['zh', 'bo', 'ug'].every((l) => typeof (v as Record<string, unknown>)[l] === 'string');

function isField(v: unknown): v is FormField {
  const f = v as Partial<FormField> | null;
  return (
    typeof f === 'object' && f !== null &&
    typeof f.code === 'string' && (FIELD_TYPES as readonly string[]).includes(f.type as string) &&
    isText(f.label) && typeof f.required === 'boolean' &&
    (f.choices === undefined || (Array.isArray(f.choices) && f.choices.every((c) => typeof c?.code === 'string' && isText(c.label))))
  );
}

export function isFormDefinition(v: unknown): v is FormDefinition {
  const d = v as Partial<FormDefinition> | null;
  return (
    typeof d === 'object' && d !== null &&
    typeof d.id === 'string' && typeof d.version === 'number' && isText(d.title) &&
    Array.isArray(d.fields) && d.fields.every(isField)
  );
}
