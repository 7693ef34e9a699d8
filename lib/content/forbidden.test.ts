import { describe, expect, it } from "vitest";
import { findForbidden } from "./forbidden";

describe("findForbidden", () => {
  it.each([
    ["In the Oslo metro stabbing of March 2024...", "unverified case study"],
    ["NATO and the African Union launched task forces", "NATO"],
    ["fighters from 120 countries", "110 countries"],
    ["a video from Amaq", "propaganda outlet"],
    ["a man who looks Muslim", "identity"],
    ["a suspicious-looking stranger", "appearance"],
    ["buying fertiliser in bulk", "substance"],
    ["join us at https://t.me/somechannel", "messaging channel"],
  ])("flags %j", (text, why) => {
    const hits = findForbidden(text);
    expect(hits).toHaveLength(1);
    expect(hits[0].why).toContain(why);
    expect(hits[0].line).toBe(1);
  });

  it.each([
    "Large or unusual quantities of chemicals or weapon parts with no obvious reason.",
    "The Multinational Joint Task Force is mandated by the African Union.",
    "More than 40,000 foreign fighters from more than 110 countries.",
    "Religion, dress and background are never warning signs.",
  ])("accepts %j", (text) => {
    expect(findForbidden(text)).toEqual([]);
  });

  it("reports the line of each hit", () => {
    expect(findForbidden("fine\nfine\nthe Toronto mall shooting").map((h) => h.line)).toEqual([3]);
  });
});

describe("findForbidden in other course languages", () => {
  it.each([
    ["fr", "Lors de l'attaque du métro d'Oslo en mars 2024...", "unverified case study"],
    ["fr", "L'OTAN a lancé une force", "NATO"],
    ["fr", "Un homme qui a l'air musulman", "identity"],
    ["fr", "acheter de l'engrais en grande quantité", "substance"],
    ["fr", "Ouvrez la page des ressources.", "Resources page"],
    ["es", "La OTAN y la Unión Africana", "NATO"],
    ["es", "combatientes de 120 países", "110 countries"],
    ["es", "un hombre que parece musulmán", "identity"],
    ["es", "comprar acetona", "substance"],
    ["ar", "أطلق حلف الناتو قوة", "NATO"],
    ["ar", "مقاتلون من 120 دولة", "110 countries"],
    ["ar", "شراء كميات من الأسمدة", "substance"],
    ["ar", "فيديو من وكالة أعماق", "propaganda outlet"],
  ])("%s: flags %j", (locale, text, why) => {
    const hits = findForbidden(text, locale);
    expect(hits).toHaveLength(1);
    expect(hits[0].why).toContain(why);
  });

  it("applies a locale's terms to that locale's files only", () => {
    expect(findForbidden("acheter de l'engrais", "fr")).toHaveLength(1);
    expect(findForbidden("acheter de l'engrais", "es")).toEqual([]);
    expect(findForbidden("acheter de l'engrais")).toEqual([]);
  });

  it("keeps the English rules in every locale (names stay in English)", () => {
    expect(findForbidden("une vidéo d'Amaq", "fr")).toHaveLength(1);
  });

  it.each([
    ["fr", "Des quantités importantes ou inhabituelles de produits chimiques, sans raison évidente."],
    ["fr", "Plus de 110 pays. La Force multinationale mixte est mandatée par l'Union africaine."],
    ["es", "La religión, la ropa y el origen nunca son señales de alerta."],
    ["ar", "الدين والملبس والأصل ليست علامات تحذير أبدا."],
    ["ar", "أعماق المدينة هادئة. النبأ السار: انتهى الاجتماع."],
  ])("%s: accepts %j", (locale, text) => {
    expect(findForbidden(text, locale)).toEqual([]);
  });
});

describe("appearance rules judge people, not posts", () => {
  it.each([
    ["fr", "un homme à l'air louche", 1],
    ["fr", "Qu'est-ce qui rendait ce post suspect ?", 0],
    ["es", "un hombre de aspecto sospechoso", 1],
    ["es", "¿Qué hizo que la publicación pareciera sospechosa?", 0],
    ["ar", "رجل ذو مظهر مريب", 1],
    ["ar", "ما الذي جعله يبدو مريبًا وهو ليس كذلك؟", 0],
  ])("%s: %j has %i hit(s)", (locale, text, n) => {
    expect(findForbidden(text, locale)).toHaveLength(n);
  });
});
