import type { Browser } from "@playwright/test";

/**
 * Whether two PNGs show the same picture: the same size, and no colour channel of any pixel more than a few steps
 * apart. Chromium anti-aliases some rounded corners a step differently from run to run; a real change (text, colour,
 * layout) moves pixels much further. Decoded and compared by the browser itself, in a blank page of its own.
 */
export async function samePicture(browser: Browser, first: Buffer, second: Buffer, tolerance = 16): Promise<boolean> {
  const page = await browser.newPage();
  try {
    return await page.evaluate(
      async ({ first, second, tolerance }) => {
        const decode = async (base64: string) => {
          const image = new Image();
          image.src = `data:image/png;base64,${base64}`;
          await image.decode();
          const canvas = document.createElement("canvas");
          canvas.width = image.naturalWidth;
          canvas.height = image.naturalHeight;
          const context = canvas.getContext("2d");
          if (!context) throw new Error("No 2D canvas to compare pictures in");
          context.drawImage(image, 0, 0);
          return context.getImageData(0, 0, canvas.width, canvas.height);
        };
        const [a, b] = await Promise.all([decode(first), decode(second)]);
        if (a.width !== b.width || a.height !== b.height) return false;
        return a.data.every((value, index) => Math.abs(value - (b.data[index] ?? -1)) <= tolerance);
      },
      { first: first.toString("base64"), second: second.toString("base64"), tolerance },
    );
  } finally {
    await page.close();
  }
}
