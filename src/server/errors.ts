/**
 * The server's error catalog (STYLE.md §9.7): stable `DASH_ERR_*` codes, listed in
 * docs/reference/errors.md. `statusCode` is what a request that hits the error is answered with.
 */
export type DashErrorCode =
  | 'DASH_ERR_CALLBACK_FN'
  | 'DASH_ERR_CALLBACK_ARGS'
  | 'DASH_ERR_CALLBACK_ID'
  | 'DASH_ERR_DUPLICATE_OUTPUT'
  | 'DASH_ERR_DUPLICATE_CALLBACK'
  | 'DASH_ERR_LAYOUT'
  | 'DASH_ERR_APP_MODULE'
  | 'DASH_ERR_BAD_REQUEST'
  | 'DASH_ERR_UNKNOWN_CALLBACK'
  | 'DASH_ERR_UNDECLARED_DEPENDENCY'
  | 'DASH_ERR_TOO_DEEP'
  | 'DASH_ERR_CALLBACK_RETURN'
  | 'DASH_ERR_CALLBACK_FAILED'
  | 'DASH_ERR_NOT_FOUND'
  | 'DASH_ERR_METHOD_NOT_ALLOWED'
  | 'DASH_ERR_UNSUPPORTED_MEDIA_TYPE'
  | 'DASH_ERR_BODY_TOO_LARGE'
  | 'DASH_ERR_INTERNAL'
  | 'DASH_ERR_BROWSER_BUNDLE'
  | 'DASH_ERR_RENDERER_UNAVAILABLE'
  | 'DASH_ERR_OPTIONS'
  | 'DASH_ERR_CLI_USAGE';

export class DashError extends Error {
  readonly code: DashErrorCode;
  readonly statusCode: number;

  constructor(code: DashErrorCode, message: string, options: { statusCode?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DashError';
    this.code = code;
    this.statusCode = options.statusCode ?? 500;
  }
}

/** A 4xx error caused by the request, safe to describe to the client. */
export function badRequest(code: DashErrorCode, message: string, statusCode = 400): DashError {
  return new DashError(code, message, { statusCode });
}
