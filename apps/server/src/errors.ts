import type { MessageKey } from './i18n/messages.ts';

/** The short list of failures a service may report; the error handler maps each to HTTP. */
export const ERROR_STATUS = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  ACCOUNT_DISABLED: 403,
  FORBIDDEN: 403,
  CSRF: 403,
  NOT_FOUND: 404,
  NETWORK_NOT_FOUND: 404,
  INVITATION_INVALID: 410,
  INVITATION_WRONG_ACCOUNT: 409,
  ALREADY_MEMBER: 409,
  ROLE_NOT_INVITABLE: 403,
  RESET_INVALID: 410,
  NOT_AVAILABLE: 404,
  RATE_LIMITED: 429,
  APPLICATION_PENDING: 409,
  APPLICATION_DECIDED: 409,
  CHARTER_NOT_ACCEPTED: 400,
  ALREADY_EXISTS: 409,
  COMMITMENTS_CLOSED: 409,
  NOT_A_MEMBER_ORGANISATION: 403,
  CAMPAIGN_STILL_OPEN: 409,
  CAMPAIGN_AWARDED: 409,
  PURCHASE_ORDERS_NOT_READY: 409,
  NOTHING_TO_AWARD: 409,
  OFFER_NOT_AWARDABLE: 409,
  NOT_ELIGIBLE: 403,
  OPT_OUT_CLOSED: 409,
  CAMPAIGN_NOT_AWARDED: 409,
  COMPUTATION_TIMEOUT: 503,
  RFQ_LINK_UNKNOWN: 404,
  RFQ_LINK_EXPIRED: 410,
  RFQ_LINK_REVOKED: 410,
  RFQ_CLOSED: 409,
  RFQ_CAMPAIGN_AWARDED: 409,
  NOT_A_NEED_POSTER: 403,
  NEED_WITHDRAWN: 409,
  NOT_A_RELOCATION_BUYER: 403,
  TENDER_XML_INVALID: 400,
  TENDER_NOTICE_INVALID: 400,
  TENDER_BOAMP_INVALID: 400,
  GROUPEMENT_NOT_FORMING: 409,
  GROUPEMENT_STATUS_CHANGE: 409,
  PRICE_REVISION_CLOSED: 409,
  SHOWCASE_NOT_FOUND: 404,
  REGISTER_SELECTION_TOO_LARGE: 400,
  // peer-exchange:notes-questions (group notes, questions to peers, the no-business rule)
  NOTE_CONFLICT: 409,
  NO_BUSINESS: 403,
  QUESTION_ALREADY_ANSWERED: 409,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  readonly params: Record<string, string>;
  constructor(code: ErrorCode, options: { field?: string; params?: Record<string, string> } = {}) {
    super(code);
    this.code = code;
    this.field = options.field;
    this.params = options.params ?? {};
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  get messageKey(): MessageKey {
    return `error.${this.code}` as MessageKey;
  }
}
