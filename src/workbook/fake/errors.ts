/**
 * Errors shaped like Office.js's: `name` "RichApi.Error", a `code` from OfficeExtension.ErrorCodes or
 * Excel.ErrorCodes, the message Excel gives, and `debugInfo` with the code, message and where it happened.
 */

/** Messages from Microsoft's error table ("Error handling with the application-specific JavaScript APIs"). */
export const MESSAGES = {
  // Also what Excel (and Microsoft Graph's workbook API) answers to a write into a locked cell of a protected sheet.
  AccessDenied: "You cannot perform the requested operation.",
  GeneralException: "There was an internal error while processing the request.",
  InvalidArgument: "The argument is invalid or missing or has an incorrect format.",
  InvalidOperation: "The operation attempted is invalid on the object.",
  ItemAlreadyExists: "The resource being created already exists.",
  ItemNotFound: "The requested resource doesn't exist.",
  MergedRangeConflict:
    "Cannot complete the operation. A table can't overlap with another table, a PivotTable report, query results, merged cells, or an XML Map.",
  NotImplemented: "The requested feature isn't implemented.",
  RangeExceedsLimit: "The cell count in the range has exceeded the maximum supported number.",
  RequestPayloadSizeLimitExceeded:
    "The request payload size has exceeded the limit. See https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins for more information.",
  ResponsePayloadSizeLimitExceeded:
    "The response payload size has exceeded the limit. See https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins for more information.",
  // Client-side errors of Office.js (Strings.OfficeOM.L_PropertyNotLoaded, L_ValueNotLoaded).
  PropertyNotLoaded:
    "The property '{0}' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.",
  ValueNotLoaded:
    'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
} as const;

export type ErrorCode = keyof typeof MESSAGES;

export class FakeExcelError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };

  constructor(code: string, message: string, errorLocation?: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message, ...(errorLocation ? { errorLocation } : {}) };
  }
}

export function excelError(code: ErrorCode, location?: string, message?: string): FakeExcelError {
  return new FakeExcelError(code, message ?? MESSAGES[code], location);
}

export const propertyNotLoaded = (property: string, entity: string) =>
  excelError("PropertyNotLoaded", `${entity}.${property}`, MESSAGES.PropertyNotLoaded.replace("{0}", property));

export const SHAPE_MISMATCH =
  "The number of rows or columns in the input array doesn't match the size or dimensions of the range.";
