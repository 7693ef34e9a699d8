// The word lists of the content checks in each course language (issue #25). The English lists
// (forbidden.ts, materials.ts IDENTITY_WORDS, pair-rules.ts SWAP_MENTIONS) apply to every file,
// since a translation keeps names and may quote English; a locale's own list applies on top, to
// that locale's files only. Each list is the English rule's meaning in plain local wording, not a
// word-for-word copy: a reviewer who reads the language should check and extend it. Like the
// English "suspicious-looking", the appearance rules catch a person's look, not "this post looks
// suspicious" (a discussion question of the course).
//
// JavaScript's \b only knows ASCII letters, so a French "réfugiés" or any Arabic word has no
// boundary; these patterns use letter lookarounds instead. Arabic joins the article and short
// particles (و ف ب ل ك, ال) to the word and adds endings (ة ات ون ين ي ية), so `arWords` allows
// those around each stem but nothing else: "دين" (religion) does not match inside "مدينة" (city).

/** A pattern matching `alternatives` as whole words (any script), case-insensitive. */
export function words(alternatives: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})(?![\\p{L}\\p{N}])`, "iu");
}

const AR_PREFIX = "(?:[وف]?(?:[بلك]|ل?ل)?(?:ال)?)";
const AR_SUFFIX = "(?:ة|ات|ون|ين|ان|ي|ية|يات|يين|يون|ها|هم)?";

/** A pattern matching Arabic stems as words, with their article, particles and endings. */
export function arWords(stems: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${AR_PREFIX}(?:${stems})${AR_SUFFIX}(?![\\p{L}\\p{N}])`, "u");
}

/** The code of the locale a content file belongs to, from its path ("fr/courses/..."); "en" when the path names none. */
export function localeOfFile(file: string): string {
  const first = file.split(/[\\/]/)[0] ?? "";
  return /^[a-z]{2}(?:-[A-Z]{2})?$/.test(first) ? first : "en";
}

export interface TermRule {
  pattern: RegExp;
  why: string;
}

const WHY = {
  caseStudy: "an unverified case study from the source; use a labelled fictional scenario instead",
  nato: "the source's NATO task-force claim is wrong: the Lake Chad task force is mandated by the African Union",
  countries: "the figure is more than 110 countries (Soufan Center, 2017)",
  outlet: "names a real propaganda outlet; describe propaganda in general terms",
  symbol: "describes a real extremist symbol; no flags or logos in the course",
  identity: "describes identity as a sign; warning signs are behaviours",
  appearance: "judges appearance; warning signs are behaviours",
  resources: "the app has no Resources page: reporting channels and cards are on the help page (Help)",
  progress: "the learner's page is called My progress",
  substance: "names a substance or item; keep to 'large or unusual quantities of chemicals or weapon parts with no obvious reason'",
};

/** forbidden.ts's rules in each course language other than English. */
export const FORBIDDEN_BY_LOCALE: Readonly<Record<string, readonly TermRule[]>> = {
  fr: [
    { pattern: words("métro d['’]oslo"), why: WHY.caseStudy },
    { pattern: words("église de lagos"), why: WHY.caseStudy },
    { pattern: words("centre commercial de toronto"), why: WHY.caseStudy },
    { pattern: /(?<![\p{L}])kaboul(?![\p{L}])[^.\n]{0,40}(?:en direct|direct|diffusion)/iu, why: WHY.caseStudy },
    { pattern: /(?<![\p{L}])OTAN(?![\p{L}])/u, why: WHY.nato },
    { pattern: words("120 pays"), why: WHY.countries },
    { pattern: words("étendard noir|drapeau (?:noir )?de la (?:chahada|shahada)"), why: WHY.symbol },
    { pattern: words("(?:a|avait|ont) l['’]air (?:musulman|arabe|étranger|maghrébin|africain|asiatique)e?s?|(?:type|apparence|allure) (?:moyen-orientale?|maghrébine?|arabe)"), why: WHY.identity },
    { pattern: words("à l['’]air (?:suspect|louche)|(?:allure|mine) (?:suspecte|louche)"), why: WHY.appearance },
    { pattern: words("(?:page|rubrique|section) (?:des |de )?ressources"), why: WHY.resources },
    { pattern: words("page (?:de |des )?progr(?:ès|ession)"), why: WHY.progress },
    { pattern: words("engrais|acétone|peroxyde d['’]hydrogène|eau oxygénée|autocuiseurs?|cocottes?-minute|nitrate d['’]ammonium|tatp|détonateurs?|bombes? artisanales?|bombes?-tuyaux?"), why: WHY.substance },
  ],
  es: [
    { pattern: words("metro de oslo"), why: WHY.caseStudy },
    { pattern: words("iglesia de lagos"), why: WHY.caseStudy },
    { pattern: words("centro comercial de toronto"), why: WHY.caseStudy },
    { pattern: /(?<![\p{L}])kabul(?![\p{L}])[^.\n]{0,40}(?:en directo|en vivo|transmisión)/iu, why: WHY.caseStudy },
    { pattern: /(?<![\p{L}])OTAN(?![\p{L}])/u, why: WHY.nato },
    { pattern: words("120 países"), why: WHY.countries },
    { pattern: words("estandarte negro|bandera (?:negra )?de la (?:shahada|chahada)"), why: WHY.symbol },
    { pattern: words("(?:parece|parecen|parecía) (?:musulm[áa]n|musulmana|árabe|extranjer[oa]|africano|africana|asiático|asiática)s?|(?:aspecto|apariencia|pinta) (?:de )?(?:oriente medio|árabe|extranjer[oa]|magrebí)"), why: WHY.identity },
    { pattern: words("(?:aspecto|apariencia|pinta) sospechos[oa]"), why: WHY.appearance },
    { pattern: words("(?:página|sección) de recursos"), why: WHY.resources },
    { pattern: words("página de(?:l)? progreso"), why: WHY.progress },
    { pattern: words("fertilizantes?|abonos? químicos?|acetona|peróxido de hidrógeno|agua oxigenada|ollas? (?:a|de) presión|ollas? exprés|nitrato de amonio|tatp|detonadores?|bombas? caseras?|bombas? de tubo"), why: WHY.substance },
  ],
  ar: [
    { pattern: arWords("مترو أوسلو"), why: WHY.caseStudy },
    { pattern: arWords("كنيسة لاغوس"), why: WHY.caseStudy },
    { pattern: arWords("مركز (?:ال)?تسوق (?:في )?تورنتو|مول تورنتو"), why: WHY.caseStudy },
    { pattern: /كابول[^.\n]{0,40}بث/u, why: WHY.caseStudy },
    { pattern: arWords("ناتو|حلف شمال الأطلسي"), why: WHY.nato },
    { pattern: /(?:120|١٢٠) (?:دولة|بلدا|بلد)/u, why: WHY.countries },
    // "أعماق" (depths) and "النبأ" (the news) are common words: only the outlets' full names.
    { pattern: arWords("وكالة أعماق|دابق|مجلة رومية|صحيفة النبأ"), why: WHY.outlet },
    { pattern: arWords("راية سوداء|راية الشهادة|علم الشهادة|راية العقاب"), why: WHY.symbol },
    { pattern: /(?:يبدو|تبدو|يبدون|شكله|شكلها|ملامحه|ملامحها) (?:مسلما|مسلمة|عربيا|عربية|أجنبيا|أجنبية|شرق أوسطي|أفريقيا|آسيويا)/u, why: WHY.identity },
    { pattern: /(?:مظهر|مظهره|مظهرها|هيئة) (?:مريب|مشبوه)/u, why: WHY.appearance },
    { pattern: arWords("صفحة الموارد|قسم الموارد"), why: WHY.resources },
    { pattern: arWords("صفحة التقدم"), why: WHY.progress },
    { pattern: arWords("سماد|أسمدة|أسيتون|بيروكسيد الهيدروجين|ماء الأكسجين|طناجر الضغط|قدر الضغط|نترات الأمونيوم|صاعق|صواعق|مفجر|قنابل أنبوبية|قنبلة أنبوبية"), why: WHY.substance },
  ],
};

/**
 * Words of faith, dress, language and origin in each course language (materials.ts IDENTITY_WORDS
 * in English): never on a path towards violence (content guide rule 9).
 */
export const IDENTITY_WORDS_BY_LOCALE: Readonly<Record<string, RegExp>> = {
  fr: words(
    "relig\\p{L}*|foi|mosquées?|églises?|synagogues?|temples?|gurdwaras?|pri(?:ère|ères|er|e|es|ent|ant|aient)|convert\\p{L}*|conversions?|musulman(?:e|es|s)?|chrétien(?:ne|nes|s)?|juifs?|juives?|hindous?|hindoues?|sikhs?|bouddhistes?|islam\\p{L}*|foulards?|hijabs?|voiles?|barbes?|turbans?|kippas?|accents?|arabes?|ourdou|polonais(?:e|es)?|langues?|immigré(?:e|es|s)?|immigrants?|réfugié(?:e|es|s)?|migrant(?:e|es|s)?",
  ),
  es: words(
    "relig\\p{L}*|fe|mezquitas?|iglesias?|sinagogas?|templos?|gurdwaras?|rez(?:a|an|ar|ando|o)|oración|oraciones|convert\\p{L}*|conversión|musulm[áa]n|musulman(?:a|as|es)|cristian(?:o|a|os|as)|judí(?:o|a|os|as)|hindú(?:es)?|hinduistas?|sijs?|budistas?|islam\\p{L}*|hiyabs?|hijabs?|velos?|barbas?|turbantes?|kipás?|acentos?|árabes?|urdu|polac(?:o|a|os|as)|idiomas?|lenguas?|inmigrantes?|refugiad(?:o|a|os|as)|migrantes?",
  ),
  ar: arWords(
    "دين|ديانة|أديان|إيمان|مسجد|مساجد|جامع|كنيسة|كنائس|كنيس|معبد|معابد|صلاة|يصلي|يصلون|اعتنق|اعتناق|مسلم|مسيحي|يهود|يهودي|هندوس|هندوسي|سيخ|بوذي|إسلام|إسلامي|حجاب|نقاب|وشاح|لحية|لحى|عمامة|كيباه|لهجة|لكنة|عربي|أردو|أردي|بولند|لغة|لغات|مهاجر|مهاجرين|لاجئ|لاجئين",
  ),
};

/** pair-rules.ts's SWAP_MENTIONS in each course language: words that give a bias-check pair away. */
export const SWAP_MENTIONS_BY_LOCALE: Readonly<Record<string, readonly { pattern: RegExp; why: string }[]>> = {
  fr: [
    { pattern: words("échang\\p{L}*|permut\\p{L}*|intervert\\p{L}*"), why: "names the swap" },
    { pattern: words("biais"), why: "names the bias check" },
    { pattern: words("versions?"), why: "refers to a version of the story" },
    { pattern: words("seul(?:e|s|es)? (?:le|la|les|l['’])|seulement (?:le|la|les)"), why: 'points at what differs ("only the ...")' },
    { pattern: words("changé(?:e|s|es)?|a changé"), why: "points at what changed" },
    { pattern: words("ne diffèr\\p{L}* que|diffèr\\p{L}* seulement"), why: "points at what differs" },
    { pattern: words("même histoire"), why: "points at another story" },
    { pattern: /(?<![\p{L}])si\b[^.!?]{0,80}(?:avait été|avaient été)/iu, why: 'asks the reader to imagine another version ("si ... avait été")' },
    { pattern: words("quel(?:le)?s? que soi(?:t|ent) (?:son|sa|ses|leur|leurs) (?:origine|foi|religion|nom|milieu)"), why: "invites the comparison the pair measures" },
  ],
  es: [
    { pattern: words("intercambi\\p{L}*|cambiar (?:el|la) nombre"), why: "names the swap" },
    { pattern: words("sesgos?"), why: "names the bias check" },
    { pattern: words("versión|versiones"), why: "refers to a version of the story" },
    { pattern: words("solo (?:el|la|los|las|cambia)|sólo (?:el|la|los|las)|únicamente (?:el|la|los|las)"), why: 'points at what differs ("only the ...")' },
    { pattern: words("cambiad[oa]s?|ha cambiado"), why: "points at what changed" },
    { pattern: words("solo difiere\\p{L}*|difiere\\p{L}* solo|difiere\\p{L}* únicamente"), why: "points at what differs" },
    { pattern: words("misma historia"), why: "points at another story" },
    { pattern: /(?<![\p{L}])si\b[^.!?]{0,80}(?:hubiera sido|hubiese sido|hubieran sido)/iu, why: 'asks the reader to imagine another version ("si ... hubiera sido")' },
    { pattern: words("sea(?:n)? cual(?:es)? sea(?:n)? (?:su|sus) (?:origen|fe|religión|nombre|procedencia)"), why: "invites the comparison the pair measures" },
  ],
  ar: [
    { pattern: arWords("تبديل|استبدال|مبادلة"), why: "names the swap" },
    { pattern: arWords("تحيز|انحياز"), why: "names the bias check" },
    { pattern: arWords("نسخة|نسخ"), why: "refers to a version of the story" },
    { pattern: /(?<![\p{L}])فقط (?:ال)/u, why: 'points at what differs ("only the ...")' },
    { pattern: arWords("تغير|تغيرت|تغيّر|تغيّرت|تم تغيير"), why: "points at what changed" },
    { pattern: /لا (?:يختلف|تختلف|تختلفان|يختلفان)[^.!?]{0,40}إلا/u, why: "points at what differs" },
    { pattern: /(?:القصة نفسها|نفس القصة)/u, why: "points at another story" },
    { pattern: /لو (?:كان|كانت)/u, why: 'asks the reader to imagine another version ("لو كان")' },
    { pattern: /مهما (?:كان|كانت) (?:أصله|أصلها|دينه|دينها|اسمه|اسمها|خلفيته|خلفيتها)/u, why: "invites the comparison the pair measures" },
  ],
};
