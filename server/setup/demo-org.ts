import type { Role } from '../../shared/people.ts';

/** The demo organisation seeded on first start: enough people and departments to try everything. */
export const demoOrg = {
  id: 'demo',
  name: 'Northwind Demo',
  values: ['Customer first', 'Ownership', 'Teamwork', 'Craft'],
  departments: [
    {
      name: 'Payroll',
      offers: ['Payslip questions', 'Overtime', 'Expenses'],
      firstResponseHours: 8,
      resolutionHours: 40,
    },
    { name: 'HR', offers: ['Leave', 'Contracts', 'Onboarding'], firstResponseHours: 8, resolutionHours: 40 },
    { name: 'IT', offers: ['Access', 'Laptops', 'Software'], firstResponseHours: 2, resolutionHours: 16 },
    { name: 'Legal', offers: ['Contract review', 'NDAs'], firstResponseHours: 16, resolutionHours: 80 },
    { name: 'Purchasing', offers: ['Vendors', 'Purchase orders'], firstResponseHours: 8, resolutionHours: 40 },
    { name: 'Facilities', offers: ['Desks', 'Building access', 'Repairs'], firstResponseHours: 4, resolutionHours: 24 },
    { name: 'Sales', offers: ['Customer intros', 'Quotes'], firstResponseHours: 8, resolutionHours: 40 },
  ],
  people: [
    { name: 'Sam Rivera', title: 'Account Executive', role: 'member', departments: ['Sales'] },
    { name: 'Maya Okafor', title: 'Head of People', role: 'manager', departments: ['HR'] },
    { name: 'Alex Chen', title: 'Operations Lead', role: 'admin', departments: ['IT'] },
    { name: 'Priya Natarajan', title: 'Payroll Specialist', role: 'member', departments: ['Payroll'] },
    { name: 'Tom Becker', title: 'Payroll Manager', role: 'manager', departments: ['Payroll'] },
    { name: 'Lena Fischer', title: 'HR Partner', role: 'member', departments: ['HR'] },
    { name: 'Jonas Berg', title: 'IT Support Engineer', role: 'member', departments: ['IT'] },
    { name: 'Aisha Bello', title: 'Systems Administrator', role: 'member', departments: ['IT'] },
    { name: 'Carlos Mendes', title: 'Legal Counsel', role: 'member', departments: ['Legal'] },
    { name: 'Hannah Weiss', title: 'Paralegal', role: 'member', departments: ['Legal'] },
    { name: 'Omar Haddad', title: 'Buyer', role: 'member', departments: ['Purchasing'] },
    { name: 'Sofia Rossi', title: 'Procurement Lead', role: 'manager', departments: ['Purchasing'] },
    { name: 'Kenji Sato', title: 'Facilities Coordinator', role: 'member', departments: ['Facilities'] },
    { name: 'Grace Kim', title: 'Office Manager', role: 'member', departments: ['Facilities'] },
    { name: 'Daniel Novak', title: 'Sales Director', role: 'manager', departments: ['Sales'] },
    { name: 'Emma Laurent', title: 'Sales Development Rep', role: 'member', departments: ['Sales'] },
    { name: 'Ravi Kapoor', title: 'Solutions Engineer', role: 'member', departments: ['Sales', 'IT'] },
    { name: 'Nora Lindqvist', title: 'Recruiter', role: 'member', departments: ['HR'] },
  ] satisfies { name: string; title: string; role: Role; departments: string[] }[],
  /** Who the printed sign-in codes are for. */
  signIn: { member: 'Sam Rivera', payroll: 'Priya Natarajan', manager: 'Maya Okafor', admin: 'Alex Chen' },
} as const;

export const emailOf = (name: string) => `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@northwind.example`;
