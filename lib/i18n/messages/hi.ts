import type { MessageKey } from "./en";
import { admin } from "./hi/admin";
import { counter } from "./hi/counter";
import { customers } from "./hi/customers";
import { enrolment } from "./hi/enrolment";
import { money } from "./hi/money";
import { outcomes } from "./hi/outcomes";
import { refunds } from "./hi/refunds";
import { review } from "./hi/review";
import { shell } from "./hi/shell";
import { transfer } from "./hi/transfer";

/** Hindi for every English key: a missing key is a type error. Eko, OTP, ID and PPI Levin stay as agents know them. */
export const hi: Record<MessageKey, string> = { ...shell, ...transfer, ...outcomes, ...money, ...review, ...admin, ...counter, ...customers, ...enrolment, ...refunds };
