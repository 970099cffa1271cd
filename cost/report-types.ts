/** Types the report files share with the plan table. */
export type { PlanFit } from './plans.ts';

export interface PriceFigureLike {
  price: number | null;
  confirmed: boolean;
}
