/**
 * Banks by the first four letters of an IFSC (RBI's bank codes), so the form can name the bank as the agent types.
 * Not a whitelist: an IFSC of a bank not named here still goes to Eko, which knows every bank.
 */
const BANKS: Record<string, string> = {
  SBIN: "State Bank of India",
  HDFC: "HDFC Bank",
  ICIC: "ICICI Bank",
  UTIB: "Axis Bank",
  KKBK: "Kotak Mahindra Bank",
  PUNB: "Punjab National Bank",
  BARB: "Bank of Baroda",
  CNRB: "Canara Bank",
  UBIN: "Union Bank of India",
  BKID: "Bank of India",
  IDIB: "Indian Bank",
  IOBA: "Indian Overseas Bank",
  MAHB: "Bank of Maharashtra",
  CBIN: "Central Bank of India",
  UCBA: "UCO Bank",
  PSIB: "Punjab & Sind Bank",
  YESB: "Yes Bank",
  INDB: "IndusInd Bank",
  IDFB: "IDFC First Bank",
  FDRL: "Federal Bank",
  AIRP: "Airtel Payments Bank",
  PYTM: "Paytm Payments Bank",
  IPOS: "India Post Payments Bank",
};

/** RBI's IFSC: four letters, a zero, six letters or digits. */
export const IFSC_PATTERN = /^[A-Z]{4}0[A-Z0-9]{6}$/;

export function bankOfIfsc(ifsc: string): string | null {
  return BANKS[ifsc.trim().toUpperCase().slice(0, 4)] ?? null;
}
