/** The plan table (cost/plans.json; `--plans <file>`): plans as Make sells them. Schema: plans-schema.ts. */

export interface PriceFigure {
  /** Per month in the table's currency; null = not known. */
  price: number | null;
  /** A key of PlanTable.sources. */
  source: string;
  /** True only when Make's own page states the figure. */
  confirmed: boolean;
  /** Why it is not confirmed. */
  reason?: string;
}

export interface Tier {
  credits: number;
  monthly: PriceFigure;
  /** Price per month when billed yearly. */
  yearly?: PriceFigure;
}

export interface Plan {
  id: string;
  name: string;
  canBuyExtraCredits: boolean;
  minIntervalMinutes: number;
  maxExecutionMinutes: number;
  limitsSource?: string[];
  /** Ascending by credits; empty = negotiated (Enterprise). */
  tiers: Tier[];
}

export interface Source {
  url: string;
  date?: string;
  says?: string;
  via?: string;
}

export interface PlanTable {
  currency: string;
  /** When the sources were read for this table. */
  retrieved: string;
  sources: Record<string, Source>;
  extraCredits: {
    /** 0.25 = extra credits cost 25 % more per credit than the plan's own. */
    surcharge: number;
    /** Credits per purchase unit. */
    unit: number;
    source: string;
    confirmed: boolean;
    reason?: string;
  };
  plans: Plan[];
  unconfirmed?: string[];
}
