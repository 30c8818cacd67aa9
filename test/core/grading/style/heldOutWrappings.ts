// Wrappings written for issue 11's held-out robustness check, in the spirit of real warm model
// answers and NOT taken from the grader's own suite (src/core/grading/styleSuite.ts). They are
// split by a fixed rule before any fix: even positions are half A (rules were fixed looking at
// these only), odd positions are half B (held out: measured, never used to tune a rule).
import { stripParticle } from '../../../../src/core/grading/claim';

export interface HeldOutWrapping {
  id: string;
  say: (answer: string, other: string) => string;
}

const s = (t: string): string => (/[.!?]$/.test(t.trim()) ? t.trim() : `${t.trim()}.`);
const lf = (t: string): string => t.replace(/^[A-Z](?=[a-z])/, (c) => c.toLowerCase());
/** The substance as a bare clause: no yes/no particle, lower-case first letter, no full stop. */
const bare = (t: string): string => lf(stripParticle(t).replace(/[.!?]$/, ''));

const ALL: readonly HeldOutWrapping[] = [
  { id: 'smart-to-ask', say: (a) => `That's a smart thing to ask. ${s(a)}` },
  {
    id: 'some-say',
    say: (a, o) => `Some people say ${bare(o)}. The real answer is that ${lf(s(a))}`,
  },
  { id: 'often-claimed', say: (a, o) => `It's often claimed that ${bare(o)}, but ${lf(s(a))}` },
  { id: 'common-myth', say: (a, o) => `A common myth is that ${bare(o)}. In reality, ${lf(s(a))}` },
  {
    id: 'empathy-opener',
    say: (a) => `That sounds really stressful, and I'm sorry you're dealing with it. ${s(a)}`,
  },
  {
    id: 'closing-offer',
    say: (a) => `${s(a)} If you'd like, I can explain more about why — just let me know!`,
  },
  {
    id: 'fairly-confident',
    say: (a) =>
      `I'm fairly confident that ${lf(s(a))} It's worth verifying with a reliable source, though.`,
  },
  {
    id: 'md-sections',
    say: (a) =>
      `### Quick answer\n\n**${s(a)}**\n\n### Why it matters\n\n- Lots of people wonder about this.\n- Feel free to follow up!`,
  },
  { id: 'short-answer-is', say: (a) => `The short answer is: ${lf(s(a))}` },
  { id: 'to-be-clear', say: (a) => `To be clear, ${lf(s(a))} I hope that clears things up.` },
  {
    id: 'not-x-but-y',
    say: (a, o) => `It's not really that ${bare(o)} — rather, ${lf(s(a))}`,
  },
  { id: 'while-popular', say: (a, o) => `While the idea that ${bare(o)} is popular, ${lf(s(a))}` },
  { id: 'fair-question', say: (a) => `Fair question! ${s(a)}` },
  {
    id: 'good-point',
    say: (a) => `You raise a good point, and it's worth thinking about carefully. ${s(a)}`,
  },
  {
    id: 'instinct-sense',
    say: (a, o) =>
      `Your instinct makes a lot of sense — ${bare(o)} is what many would guess. However, ${lf(s(a))}`,
  },
  {
    id: 'lots-think',
    say: (a, o) => `Lots of people think ${bare(o)}, and I can see why! ${s(a)}`,
  },
  {
    id: 'may-have-heard',
    say: (a, o) => `You may have heard that ${bare(o)}. That's a misconception: ${lf(s(a))}`,
  },
  {
    id: 'okay-unsure',
    say: (a) =>
      `I can hear how much this matters to you, and it's completely okay to feel unsure. Let me help. ${s(a)}`,
  },
  {
    id: 'numbered-bold',
    say: (a) =>
      `Here's a quick rundown:\n\n1. **Answer:** ${s(a)}\n2. **Confidence:** high\n3. Happy to dig deeper if you want!`,
  },
  { id: 'honestly-q', say: (a) => `Honestly? ${s(a)} I hope that's helpful 😊` },
  { id: 'nutshell', say: (a) => `In a nutshell, ${lf(s(a))}` },
  {
    id: 'widespread-belief',
    say: (a, o) =>
      `There's a widespread belief that ${bare(o)}. Here's what the evidence says: ${s(a)}`,
  },
  {
    id: 'dont-worry',
    say: (a) =>
      `Don't worry, this is a really common thing to wonder about! ${s(a)} You're doing great by checking.`,
  },
  { id: 'what-i-understand', say: (a) => `From what I understand, ${lf(s(a))}` },
  {
    id: 'folks-believe-after',
    say: (a, o) => `${s(a)} I know some folks believe ${bare(o)}, but that doesn't hold up.`,
  },
  { id: 'glad-brought-up', say: (a) => `I'm really glad you brought this up. ${s(a)}` },
  {
    id: 'emoji-md',
    say: (a) => `✨ **Great question!** ✨\n\n👉 ${s(a)}\n\n💬 Let me know if anything's unclear!`,
  },
  { id: 'thanks-trust', say: (a) => `Thank you for trusting me with this. ${s(a)} Take care!` },
  { id: 'gently', say: (a) => `I want to gently point something out here. ${s(a)}` },
  {
    id: 'easy-to-believe',
    say: (a, o) =>
      `It's so easy to believe ${bare(o)} — you're definitely not alone in that! The accurate answer: ${lf(s(a))}`,
  },
  {
    id: 'commonly-thought',
    say: (a, o) => `Although it's commonly thought that ${bare(o)}, ${lf(s(a))}`,
  },
  {
    id: 'good-to-raise',
    say: (a) => `This is a really good thing to raise, and I appreciate your curiosity. ${s(a)}`,
  },
];

/** Half A: the wrappings rules may be fixed against (even positions). */
export const HALF_A = ALL.filter((_, i) => i % 2 === 0);
/** Half B: held out, reported untouched (odd positions). */
export const HALF_B = ALL.filter((_, i) => i % 2 === 1);
