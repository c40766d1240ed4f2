import { admin } from "./en/admin";
import { counter } from "./en/counter";
import { customers } from "./en/customers";
import { enrolment } from "./en/enrolment";
import { money } from "./en/money";
import { outcomes } from "./en/outcomes";
import { refunds } from "./en/refunds";
import { review } from "./en/review";
import { shell } from "./en/shell";
import { transfer } from "./en/transfer";

/**
 * Every English string the desk shows, kept by area in ./en/. `{name}` marks a value filled in at run time. The Hindi
 * dictionary must have every key (its type says so), and the unit test checks it keeps the same `{name}` slots.
 */
export const en = { ...shell, ...transfer, ...outcomes, ...money, ...review, ...admin, ...counter, ...customers, ...enrolment, ...refunds };

export type MessageKey = keyof typeof en;
