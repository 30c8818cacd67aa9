/**
 * Draws a chart image under its caption (title, run name, date) on a white canvas, so exported
 * PNGs are self-describing (issue 15).
 *
 * Owns: the caption band's layout: two lines of text above the chart at the chart's own pixel
 * density. Invariant: the chart image is never scaled, only offset below the band.
 */
import { chartCaption } from '../../../core/dashboard/caption';

function loadImage(dataUrl: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('the chart image could not be read'));
    image.src = dataUrl;
  });
}

/** A PNG data URL of the chart under its two-line caption. */
export async function captionedPng(
  chartPng: string,
  title: string,
  runName: string,
  date: Date = new Date(),
): Promise<string> {
  const image = await loadImage(chartPng);
  const scale = Math.max(1, Math.round(image.width / 600));
  const titleSize = 18 * scale;
  const lineSize = 14 * scale;
  const pad = 10 * scale;
  const band = pad + titleSize + pad / 2 + lineSize + pad;
  const canvas = document.createElement('canvas');
  canvas.width = image.width;
  canvas.height = image.height + band;
  const context = canvas.getContext('2d');
  if (!context) return chartPng;
  const [heading, subtitle] = chartCaption(title, runName, date);
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.fillStyle = '#1b1b1b';
  context.textBaseline = 'top';
  context.font = `600 ${titleSize}px system-ui, sans-serif`;
  context.fillText(heading, pad, pad, canvas.width - 2 * pad);
  context.fillStyle = '#4a4a4a';
  context.font = `${lineSize}px system-ui, sans-serif`;
  context.fillText(subtitle, pad, pad + titleSize + pad / 2, canvas.width - 2 * pad);
  context.drawImage(image, 0, band);
  return canvas.toDataURL('image/png');
}
