// The error catalogue: every error the API returns has a stable code, one status and one fixed
// message that says how to fix it. Messages never contain input: report text is health information.

export const ERRORS = {
  INVALID_JSON: { status: 400, message: 'The body is not valid JSON. Send a JSON object such as {"text": "..."}.' },
  EMPTY_BODY: { status: 400, message: 'The body is empty. Send {"text": "..."} as JSON, or the report as text/plain.' },
  INVALID_BODY: {
    status: 400,
    message: 'The body must be a JSON object with a string field "text" and, optionally, "terms": [{"id": string, "text": string}]; no other fields.',
  },
  QUERY_NOT_ALLOWED: { status: 400, message: 'This route takes no query parameters: send the report in the body only.' },
  INVALID_QUERY: { status: 400, message: 'The query string is not valid for this route: see /docs for its parameters.' },
  BAD_REQUEST: { status: 400, message: 'The request is malformed.' },
  UNAUTHORIZED: { status: 401, message: 'A valid API key is required: send "authorization: Bearer <key>" or "x-api-key: <key>".' },
  NOT_FOUND: { status: 404, message: 'No such route. See /docs for the API.' },
  CONCEPT_NOT_FOUND: { status: 404, message: 'No concept has this id. GET /v1/glossary lists them.' },
  REQUEST_TIMEOUT: { status: 408, message: 'The request took too long to arrive.' },
  BODY_TOO_LARGE: { status: 413, message: 'The body is larger than the limit (BODY_LIMIT bytes). Send a shorter report.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'Send the body as application/json or text/plain (UTF-8).' },
  TEXT_EMPTY: { status: 422, message: 'The text is empty or only white space. Send the report text.' },
  TEXT_TOO_LONG: { status: 422, message: 'The text is longer than the limit (MAX_TEXT_CHARS characters). Send one report at a time.' },
  TEXT_CONTROL_CHARACTERS: { status: 422, message: 'The text contains NUL or other control characters. Send plain text.' },
  TEXT_INVALID_UNICODE: { status: 422, message: 'The text contains unpaired UTF-16 surrogates. Send valid Unicode text.' },
  TOO_MANY_TERMS: { status: 422, message: 'Too many caller-supplied terms (MAX_TERMS). Send fewer.' },
  DUPLICATE_TERM_ID: { status: 422, message: 'Two caller-supplied terms share an id. Give each term its own id.' },
  RATE_LIMITED: { status: 429, message: 'Too many requests. Wait for the number of seconds in the retry-after header.' },
  HEADERS_TOO_LARGE: { status: 431, message: 'The request headers are too large. Send fewer or shorter headers.' },
  INTERNAL: { status: 500, message: 'Something went wrong on our side. The request was not kept; try again.' },
  OVERLOADED: { status: 503, message: 'The service is busy. Retry after the number of seconds in the retry-after header.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERRORS;

/** An error the API reports as-is: the status and message come from the catalogue. */
export class ApiError extends Error {
  readonly statusCode: number;
  constructor(readonly code: ErrorCode) {
    super(ERRORS[code].message);
    this.name = 'ApiError';
    this.statusCode = ERRORS[code].status;
  }
}

export interface ErrorBody {
  statusCode: number;
  code: ErrorCode;
  error: string;
  message: string;
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Not Found',
  408: 'Request Timeout',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function errorBody(code: ErrorCode): ErrorBody {
  const { status, message } = ERRORS[code];
  return { statusCode: status, code, error: REASONS[status] ?? 'Error', message };
}
