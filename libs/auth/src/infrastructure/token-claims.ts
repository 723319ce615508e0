/** Claim names in our access tokens (beside the registered sub, iss, aud, exp). */
export const CLAIM_ROLES = 'roles';
export const CLAIM_ORGANISATIONS = 'org';
export const CLAIM_NAME = 'name';
export const TOKEN_ALGORITHM = 'ES256';
