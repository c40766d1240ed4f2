/** Where PPI Levin's operations live below the base URL (Eko's fixtures' paths, the master while Eko migrates). */
export const PPI_LEVIN = "/customer/payment/ppi-levin";
export const PPI_LEVIN_SERVICE_CODE = 80;

/** A path segment from a value the desk holds (a mobile, a TID): encoded, never trusted to be path-safe. */
export const segment = (value: string | number) => encodeURIComponent(String(value));

export const senderPath = (customerMobile: string) => `${PPI_LEVIN}/sender/${segment(customerMobile)}`;
