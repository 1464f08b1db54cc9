/** What every view of the managers' page reads: a period (maybe a custom range), a department, a company value. */
export interface Filters {
  period: 'week' | 'month' | 'quarter' | 'year' | 'all' | 'custom';
  from?: string;
  to?: string;
  departmentId?: string;
  valueId?: string;
}
