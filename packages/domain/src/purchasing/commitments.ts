/**
 * What each member commits to a purchase campaign.
 */

export interface MemberCommitment {
  /** The member organisation's id (opaque to the domain). */
  memberId: string;
  /** Quantity committed, in the campaign's unit: finite and > 0. */
  quantity: number;
  /** What the member pays today for one unit of the same item, in cents; for savings. */
  currentUnitPriceCents?: number | null;
  /** The highest unit price, in cents, at which the member still wants to buy. */
  ceilingUnitPriceCents?: number | null;
}

export type CommitmentIssueCode =
  | 'NO_COMMITMENTS'
  | 'MEMBER_ID_MISSING'
  | 'DUPLICATE_MEMBER'
  | 'QUANTITY_INVALID'
  | 'CURRENT_PRICE_INVALID'
  | 'CEILING_PRICE_INVALID';

export interface CommitmentIssue {
  code: CommitmentIssueCode;
  /** Position of the commitment in the list (0-based), when about one commitment. */
  index?: number;
  memberId?: string;
  /** For developers and logs; users read the translation of `code`. */
  message: string;
}

const isPositiveFinite = (value: number) => Number.isFinite(value) && value > 0;
const isOptionalPrice = (value: number | null | undefined) =>
  value === null || value === undefined || (Number.isFinite(value) && value >= 0);

/** Every problem of a list of commitments; an empty list means it can be allocated. */
export function validateCommitments(commitments: readonly MemberCommitment[]): CommitmentIssue[] {
  if (commitments.length === 0) return [{ code: 'NO_COMMITMENTS', message: 'nobody committed' }];
  const issues: CommitmentIssue[] = [];
  const seen = new Set<string>();
  commitments.forEach((commitment, index) => {
    const { memberId } = commitment;
    if (memberId === '') issues.push({ code: 'MEMBER_ID_MISSING', index, message: 'memberId is empty' });
    else if (seen.has(memberId)) {
      issues.push({ code: 'DUPLICATE_MEMBER', index, memberId, message: 'one commitment per member' });
    }
    seen.add(memberId);
    if (!isPositiveFinite(commitment.quantity)) {
      issues.push({ code: 'QUANTITY_INVALID', index, memberId, message: 'quantity must be finite and > 0' });
    }
    if (!isOptionalPrice(commitment.currentUnitPriceCents)) {
      issues.push({
        code: 'CURRENT_PRICE_INVALID',
        index,
        memberId,
        message: 'current unit price must be ≥ 0',
      });
    }
    if (!isOptionalPrice(commitment.ceilingUnitPriceCents)) {
      issues.push({
        code: 'CEILING_PRICE_INVALID',
        index,
        memberId,
        message: 'ceiling unit price must be ≥ 0',
      });
    }
  });
  return issues;
}
