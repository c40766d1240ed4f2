import { expect, test } from "./fixtures";

test("the amount in words follows what the agent types, in the Indian system", async ({ transferPage }) => {
  await expect(transferPage.amountInWords).toBeHidden();
  await transferPage.amount.fill("1500");
  await expect(transferPage.amountInWords).toHaveText("In words: One thousand five hundred rupees");
  await transferPage.amount.fill("25,000");
  await expect(transferPage.amountInWords).toHaveText("In words: Twenty-five thousand rupees");
  await transferPage.amount.fill("125000");
  await expect(transferPage.amountInWords).toHaveText("In words: One lakh twenty-five thousand rupees");
  // Read with the field by screen readers.
  await expect(transferPage.amount).toHaveAccessibleDescription(/One lakh twenty-five thousand rupees/);
  await transferPage.amount.fill("150.50");
  await expect(transferPage.amountInWords).toBeHidden();
});
