/** The form as label/value rows for the receipt, in the order the applicant filled it in. */
export function formAnswers(form: Record<string, unknown>, prefix = ''): Array<[string, string]> {
  return Object.entries(form).flatMap(([key, value]): Array<[string, string]> => {
    const label = prefix ? `${prefix}.${key}` : key;
    if (Array.isArray(value)) {
      return value.flatMap((item, index) =>
        typeof item === 'object' && item !== null ? formAnswers(item as Record<string, unknown>, `${label}[${index + 1}]`) : [[`${label}[${index + 1}]`, String(item)] as [string, string]],
      );
    }
    if (typeof value === 'object' && value !== null) return formAnswers(value as Record<string, unknown>, label);
    return [[label, String(value)]];
  });
}
