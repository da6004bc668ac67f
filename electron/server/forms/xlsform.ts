// Forms as XLSForm-style workbooks (sheets survey, choices, settings), the way hall and
// district staff already write them in Excel. Import reads the subset documented in
// docs/forms.md into a FormDefinition and runs it through checkDefinition, so a workbook is
// held to exactly the rules of a JSON upload; every refusal names sheet, row and column.
// Export writes any definition back in the same layout, so export → import is lossless.
// The parts live in xlsform/: cells.ts (reading cells), expressions.ts (relevant/constraint
// subset), read.ts (import), locate.ts (problem → cell), write.ts (export).
export type { WorkbookError } from './xlsform/cells.js';
export { parseConstraint, parseRelevant, relevantExpression } from './xlsform/expressions.js';
export { importWorkbook, type ImportResult } from './xlsform/read.js';
export { exportWorkbook } from './xlsform/write.js';
