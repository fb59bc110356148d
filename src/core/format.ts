// Italian formatting for explanations, reports and the summary.
import { ymdFromSerial } from "./dates";

function groupThousands(intPart: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}

const SCALES = [1, 10, 100, 1000, 10000, 100000, 1000000];

/** 1234.5 → "1.234,5"; up to `maxDigits` decimals, trailing zeros trimmed. */
export function formatNumber(x: number, maxDigits = 2): string {
  if (!Number.isFinite(x)) return String(x);
  // Integer arithmetic on the common sizes: explanations format millions of numbers.
  const scale = SCALES[maxDigits];
  const scaled = scale === undefined ? Infinity : Math.round(Math.abs(x) * scale);
  if (scaled < 9e15) {
    if (scaled === 0) return "0";
    const int = Math.floor(scaled / scale);
    let frac = scaled - int * scale;
    let digits = maxDigits;
    while (frac > 0 && frac % 10 === 0) {
      frac /= 10;
      digits--;
    }
    const intText = int < 1000 ? String(int) : groupThousands(String(int));
    const fracText = frac === 0 ? "" : "," + String(frac).padStart(digits, "0");
    return (x < 0 ? "-" : "") + intText + fracText;
  }
  const fixed = Math.abs(x).toFixed(maxDigits);
  const [i, dRaw = ""] = fixed.split(".");
  const d = dRaw.replace(/0+$/, "");
  const sign = x < 0 && Number(fixed) !== 0 ? "-" : "";
  return sign + groupThousands(i) + (d ? "," + d : "");
}

/** 0.9074 → "90,74%". */
export function formatPercent(fraction: number, digits = 2): string {
  return formatNumber(fraction * 100, digits) + "%";
}

/** 335374.13 → "335.374,13 €". */
export function formatEuro(x: number): string {
  const fixed = Math.abs(x).toFixed(2);
  const [i, d] = fixed.split(".");
  return (x < 0 ? "-" : "") + groupThousands(i) + "," + d + " €";
}

/** Serial → "30/06/2022". */
export function formatDate(serial: number): string {
  const { y, m, d } = ymdFromSerial(serial);
  return `${String(d).padStart(2, "0")}/${String(m).padStart(2, "0")}/${y}`;
}
