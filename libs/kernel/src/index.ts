export * from './errors/domain.error';
export * from './money/money.value-object';
export * from './identifiers/organisation-number.value-object';
export * from './identifiers/account-number.value-object';
export * from './identifiers/municipality-number.value-object';
export * from './identifiers/national-id-number.value-object';
export * from './budget-post/budget-post.value-object';
