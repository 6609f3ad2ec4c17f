// Function words per language: articles, pronouns, prepositions, conjunctions,
// auxiliaries and modals (all forms), and frequent content-free adverbs.
//
// Deliberately NOT stopwords (they carry claim content and are handled by other
// modules): negation (not, ikke, niet, nicht, ne, pas, no, inte, ikkje, never,
// without ...), number words, comparatives/quantity qualifiers (more, less,
// most, fewer, only), hedges (approximately, around, nearly ...), time words
// (now excepted: it is too frequent to be useful), and anything in CONCEPTS.
//
// Curated by hand, cross-checked against the npm package `stopwords-iso`
// (whose lists contain content words such as numbers, 'year', 'new', which
// were left out here). Indefinite articles that double as the number "one"
// (nb en/ei/et, nl een, de ein/eine, fr un/une, es un/una, da en/et, sv en/ett)
// ARE listed: the article reading dominates in running text; the number
// parser (numberWords.ts) reads them independently.

export type StopwordLang = 'en' | 'nb' | 'nl' | 'de' | 'da' | 'sv' | 'fr' | 'es';

const uniq = (words: string[]): readonly string[] => [...new Set(words)];

export const STOPWORDS: Record<StopwordLang, readonly string[]> = {
  en: uniq([
    // articles, determiners
    'a', 'an', 'the', 'this', 'that', 'these', 'those', 'some', 'any', 'each', 'every', 'all', 'both', 'either',
    'such', 'other', 'another', 'own', 'same', 'certain', 'various', 'much', 'many', 'several', 'few',
    // pronouns
    'i', 'me', 'my', 'mine', 'myself', 'you', 'your', 'yours', 'yourself', 'yourselves', 'he', 'him', 'his',
    'himself', 'she', 'her', 'hers', 'herself', 'it', 'its', 'itself', 'we', 'us', 'our', 'ours', 'ourselves',
    'they', 'them', 'their', 'theirs', 'themselves', 'one\'s', 'someone', 'somebody', 'something', 'anyone',
    'anybody', 'anything', 'everyone', 'everybody', 'everything', 'whoever', 'whatever', 'whichever',
    'who', 'whom', 'whose', 'which', 'what', 'where', 'when', 'why', 'how', 'whether', 'wherever', 'whenever',
    // prepositions
    'of', 'in', 'on', 'at', 'by', 'for', 'with', 'from', 'to', 'into', 'onto', 'upon', 'about', 'above', 'across',
    'against', 'along', 'amid', 'amidst', 'among', 'amongst', 'behind', 'below', 'beneath', 'beside', 'besides',
    'between', 'beyond', 'despite', 'down', 'during', 'inside', 'near', 'off', 'out', 'outside', 'over', 'past',
    'per', 'than', 'through', 'throughout', 'toward', 'towards', 'under', 'underneath', 'unlike', 'up', 'via',
    'within', 'onto', 'regarding', 'concerning', 'including', 'like', 'after', 'before',
    // conjunctions
    'and', 'or', 'but', 'if', 'then', 'so', 'as', 'because', 'although', 'though', 'while', 'whereas', 'unless',
    'once', 'yet', 'thus', 'therefore', 'hence', 'however', 'moreover', 'furthermore', 'meanwhile', 'otherwise',
    'instead', 'whilst',
    // auxiliaries and modals
    'be', 'is', 'am', 'are', 'was', 'were', 'been', 'being', 'have', 'has', 'had', 'having', 'do', 'does', 'did',
    'doing', 'done', 'will', 'would', 'shall', 'should', 'can', 'could', 'may', 'might', 'must', 'ought',
    'get', 'gets', 'got', 'gotten', 'getting',
    'i\'m', 'you\'re', 'he\'s', 'she\'s', 'it\'s', 'we\'re', 'they\'re', 'i\'ve', 'you\'ve', 'we\'ve', 'they\'ve',
    'i\'d', 'you\'d', 'he\'d', 'she\'d', 'we\'d', 'they\'d', 'i\'ll', 'you\'ll', 'he\'ll', 'she\'ll', 'we\'ll',
    'they\'ll', 'that\'s', 'there\'s', 'here\'s', 'what\'s', 'who\'s', 'let\'s',
    // adverbs and particles
    'also', 'too', 'very', 'just', 'still', 'already', 'even', 'again', 'there', 'here', 'now', 'then', 'quite',
    'rather', 'really', 'indeed', 'perhaps', 'maybe', 'well', 'else', 'ever', 'often', 'sometimes', 'anyway',
    'somewhat', 'so-called', 'namely', 'thereby', 'therein', 'thereof', 'whereby', 'herein', 'etc',
  ]),
  nb: uniq([
    // articles, determiners
    'en', 'ei', 'et', 'den', 'det', 'de', 'denne', 'dette', 'disse', 'hver', 'hvert', 'enhver', 'ethvert', 'all',
    'alle', 'alt', 'begge', 'noen', 'noe', 'somme', 'slik', 'slikt', 'slike', 'sånn', 'sånt', 'sånne', 'annen', 'annet',
    'samme', 'selve', 'egen', 'eget', 'egne', 'mye', 'mange', 'hvilken', 'hvilket', 'hvilke',
    // pronouns
    'jeg', 'meg', 'min', 'mi', 'mitt', 'mine', 'du', 'deg', 'din', 'di', 'ditt', 'dine', 'han', 'ham', 'hans', 'hun',
    'henne', 'hennes', 'dens', 'dets', 'vi', 'oss', 'vår', 'vårt', 'våre', 'dere', 'deres', 'dem', 'seg', 'sin',
    'sitt', 'sine', 'selv', 'man', 'hva', 'hvem', 'hvis', 'hvor', 'hvorfor', 'hvordan', 'som',
    // prepositions
    'i', 'på', 'til', 'av', 'for', 'med', 'fra', 'om', 'ved', 'hos', 'under', 'over', 'mellom', 'mot', 'gjennom',
    'blant', 'bak', 'foran', 'innen', 'inn', 'ut', 'opp', 'ned', 'utenfor', 'innenfor', 'rundt', 'langs', 'etter',
    'før', 'hos', 'per', 'pr', 'overfor', 'ovenfor', 'nedenfor', 'bortsett', 'trass', 'tross', 'via',
    'mens', 'fram', 'frem', 'unna', 'igjennom', 'oppå', 'innpå', 'utpå',
    // conjunctions
    'og', 'eller', 'men', 'at', 'om', 'enn', 'så', 'fordi', 'da', 'når', 'dersom', 'selv', 'enten', 'verken',
    'både', 'samt', 'slik', 'ettersom', 'derfor', 'likevel', 'imidlertid', 'dessuten', 'altså', 'nemlig', 'mens',
    // auxiliaries and modals
    'er', 'var', 'vært', 'være', 'har', 'hadde', 'ha', 'hatt', 'blir', 'ble', 'blitt', 'bli', 'vart', 'skal',
    'skulle', 'vil', 'ville', 'kan', 'kunne', 'kunnet', 'må', 'måtte', 'måttet', 'bør', 'burde', 'tør', 'turde',
    'får', 'fikk', 'fått', 'gjør', 'gjorde', 'gjort', 'gjøre',
    // adverbs and particles
    'også', 'òg', 'veldig', 'svært', 'jo', 'vel', 'nok', 'da', 'nå', 'her', 'der', 'dit', 'hit', 'derfra',
    'herfra', 'dermed', 'deretter', 'allerede', 'fortsatt', 'ennå', 'enda', 'igjen', 'likevel', 'ganske', 'heller',
    'faktisk', 'altså', 'liksom', 'kanskje', 'egentlig', 'gjerne', 'iallfall', 'uansett', 'ellers',
  ]),
  nl: uniq([
    // articles, determiners
    'de', 'het', 'een', '\'t', 'deze', 'dit', 'die', 'dat', 'elk', 'elke', 'ieder', 'iedere', 'alle', 'al', 'alles',
    'beide', 'sommige', 'enkele', 'zulk', 'zulke', 'ander', 'andere', 'zelfde', 'dezelfde', 'hetzelfde', 'eigen',
    'veel', 'vele', 'welk', 'welke', 'wat', 'iets', 'iemand', 'men',
    // pronouns
    'ik', 'me', 'mij', 'mijn', 'jij', 'je', 'jou', 'jouw', 'u', 'uw', 'hij', 'hem', 'zijn', 'zij', 'ze', 'haar',
    'hun', 'hen', 'wij', 'we', 'ons', 'onze', 'jullie', 'zich', 'zichzelf', 'zelf', 'elkaar', 'wie', 'wiens',
    'waar', 'wanneer', 'waarom', 'hoe', 'er', 'daar', 'hier', 'waarin', 'waarop', 'waarmee', 'waarvan', 'waardoor',
    'daarin', 'daarop', 'daarmee', 'daarvan', 'daardoor', 'daarna', 'daarbij', 'daarom', 'hierin', 'hierop',
    'hiermee', 'hiervan', 'erin', 'erop', 'ermee', 'ervan', 'erbij', 'ernaar', 'erover', 'eruit',
    // prepositions
    'van', 'in', 'op', 'aan', 'met', 'voor', 'door', 'naar', 'bij', 'uit', 'om', 'over', 'tot', 'tegen', 'onder',
    'tussen', 'na', 'vanaf', 'vanuit', 'via', 'binnen', 'buiten', 'langs', 'achter', 'naast', 'boven', 'rond',
    'rondom', 'tijdens', 'wegens', 'per', 'namens', 'jegens', 'mee',
    'toe', 'af', 'heen',
    // conjunctions
    'en', 'of', 'maar', 'want', 'dus', 'omdat', 'als', 'dan', 'toen', 'terwijl', 'hoewel', 'indien', 'zodat',
    'zoals', 'doordat', 'nadat', 'voordat', 'tenzij', 'zowel', 'alsof', 'echter', 'bovendien', 'immers',
    'evenwel', 'daarentegen',
    // auxiliaries and modals
    'ben', 'bent', 'is', 'was', 'waren', 'geweest', 'heb', 'hebt', 'heeft', 'hebben', 'had', 'hadden',
    'gehad', 'word', 'wordt', 'worden', 'werd', 'werden', 'geworden', 'zal', 'zult', 'zullen', 'zou', 'zouden',
    'kan', 'kun', 'kunt', 'kunnen', 'kon', 'konden', 'gekund', 'moet', 'moeten', 'moest', 'moesten', 'mag',
    'mogen', 'mocht', 'mochten', 'wil', 'wilt', 'willen', 'wilde', 'wilden', 'wou', 'doe', 'doet', 'doen', 'deed',
    'deden', 'gedaan',
    // adverbs and particles
    'ook', 'zeer', 'erg', 'heel', 'nog', 'al', 'toch', 'wel', 'maar', 'even', 'zo', 'nu', 'reeds', 'weer',
    'opnieuw', 'eens', 'misschien', 'eigenlijk', 'vooral', 'gewoon', 'nogal', 'tamelijk',
    'echt', 'zelfs', 'dus', 'inmiddels', 'intussen', 'alsnog',
  ]),
  de: uniq([
    // articles, determiners
    'der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'einen', 'einem', 'einer', 'eines', 'dieser', 'diese',
    'dieses', 'diesen', 'diesem', 'jener', 'jene', 'jenes', 'jenen', 'jenem', 'jeder', 'jede', 'jedes', 'jeden',
    'jedem', 'alle', 'allen', 'aller', 'alles', 'allem', 'beide', 'beiden', 'einige', 'einigen', 'einiger',
    'manche', 'manchen', 'mancher', 'solche', 'solchen', 'solcher', 'solches', 'andere', 'anderen', 'anderer',
    'anderes', 'viel', 'viele', 'vielen', 'welche', 'welcher', 'welches', 'welchen', 'welchem', 'etwas', 'selbst',
    'derselbe', 'dieselbe', 'dasselbe', 'denselben', 'demselben',
    // pronouns
    'ich', 'mich', 'mir', 'mein', 'meine', 'meinen', 'meinem', 'meiner', 'meines', 'du', 'dich', 'dir', 'dein',
    'deine', 'deinen', 'deinem', 'deiner', 'er', 'ihn', 'ihm', 'sein', 'seine', 'seinen', 'seinem', 'seiner',
    'seines', 'sie', 'ihr', 'ihre', 'ihren', 'ihrem', 'ihrer', 'ihres', 'es', 'wir', 'uns', 'unser', 'unsere',
    'unseren', 'unserem', 'unserer', 'euch', 'euer', 'eure', 'sich', 'man', 'wer', 'wen', 'wem', 'wessen', 'was',
    'wo', 'wann', 'warum', 'wie', 'woher', 'wohin', 'womit', 'wobei', 'worauf', 'darauf', 'damit', 'dabei',
    'dafür', 'dagegen', 'daher', 'darin', 'daran', 'darüber', 'davon', 'dazu', 'hier', 'dort', 'da',
    // prepositions
    'von', 'vom', 'zu', 'zum', 'zur', 'in', 'im', 'ins', 'an', 'am', 'ans', 'auf', 'aufs', 'mit', 'bei', 'beim',
    'für', 'fürs', 'aus', 'nach', 'über', 'unter', 'vor', 'hinter', 'neben', 'zwischen', 'durch', 'gegen', 'um',
    'während', 'wegen', 'trotz', 'gemäß', 'innerhalb', 'außerhalb', 'entlang',
    'ab', 'per', 'pro', 'via', 'statt', 'anstatt', 'samt', 'gegenüber', 'hinaus', 'heraus', 'herein', 'hinein',
    // conjunctions
    'und', 'oder', 'aber', 'sondern', 'denn', 'dass', 'daß', 'ob', 'wenn', 'als', 'weil', 'da', 'obwohl',
    'obgleich', 'während', 'damit', 'sodass', 'bevor', 'nachdem', 'sowie', 'sowohl', 'jedoch',
    'doch', 'also', 'dann', 'zudem', 'außerdem', 'allerdings', 'dennoch', 'trotzdem', 'deshalb', 'deswegen',
    'darum', 'indem',
    // auxiliaries and modals
    'bin', 'bist', 'ist', 'sind', 'seid', 'war', 'warst', 'waren', 'wart', 'gewesen', 'sei', 'seien', 'wäre',
    'wären', 'habe', 'hast', 'hat', 'haben', 'habt', 'hatte', 'hatten', 'hätte', 'hätten', 'gehabt', 'werde',
    'wirst', 'wird', 'werden', 'werdet', 'wurde', 'wurden', 'würde', 'würden', 'geworden', 'worden', 'kann',
    'kannst', 'können', 'könnt', 'konnte', 'konnten', 'könnte', 'könnten', 'muss', 'musst', 'müssen', 'musste',
    'mussten', 'müsste', 'müssten', 'soll', 'sollst', 'sollen', 'sollte', 'sollten', 'will', 'willst', 'wollen',
    'wollte', 'wollten', 'darf', 'dürfen', 'durfte', 'durften', 'dürfte', 'dürften', 'mag', 'mögen', 'möchte',
    'möchten', 'mochte',
    // adverbs and particles
    'auch', 'sehr', 'noch', 'schon', 'bereits', 'eben', 'ja', 'wohl', 'mal', 'jetzt', 'nun', 'so',
    'sogar', 'eigentlich', 'vielleicht', 'wieder', 'erneut', 'ziemlich', 'ganz', 'gar', 'zwar',
    'immer', 'oft', 'häufig', 'eher', 'nämlich', 'inzwischen', 'mittlerweile', 'bzw', 'sowie', 'usw',
  ]),
  da: uniq([
    // articles, determiners
    'en', 'et', 'den', 'det', 'de', 'denne', 'dette', 'disse', 'hver', 'hvert', 'enhver', 'ethvert', 'al', 'alle',
    'alt', 'begge', 'nogen', 'noget', 'nogle', 'sådan', 'sådant', 'sådanne', 'anden', 'andet', 'andre', 'samme',
    'selve', 'egen', 'eget', 'egne', 'meget', 'mange', 'hvilken', 'hvilket', 'hvilke',
    // pronouns
    'jeg', 'mig', 'min', 'mit', 'mine', 'du', 'dig', 'din', 'dit', 'dine', 'han', 'ham', 'hans', 'hun', 'hende',
    'hendes', 'dens', 'dets', 'vi', 'os', 'vores', 'vor', 'vort', 'vore', 'i', 'jer', 'jeres', 'deres', 'dem',
    'sig', 'sin', 'sit', 'sine', 'selv', 'man', 'hvad', 'hvem', 'hvis', 'hvor', 'hvorfor', 'hvordan', 'som',
    // prepositions
    'på', 'til', 'af', 'for', 'med', 'fra', 'om', 'ved', 'hos', 'under', 'over', 'mellem', 'mod', 'imod',
    'gennem', 'igennem', 'blandt', 'bag', 'foran', 'inden', 'ind', 'ud', 'op', 'ned', 'udenfor', 'indenfor',
    'rundt', 'langs', 'efter', 'før', 'per', 'pr', 'trods', 'via', 'frem', 'væk', 'hen',
    // conjunctions
    'og', 'eller', 'men', 'at', 'end', 'så', 'fordi', 'da', 'når', 'hvis', 'dersom', 'enten', 'hverken', 'både',
    'samt', 'mens', 'idet', 'eftersom', 'derfor', 'alligevel', 'imidlertid', 'desuden', 'altså', 'nemlig',
    // auxiliaries and modals
    'er', 'var', 'været', 'være', 'har', 'havde', 'have', 'haft', 'bliver', 'blev', 'blevet', 'blive', 'skal',
    'skulle', 'vil', 'ville', 'kan', 'kunne', 'kunnet', 'må', 'måtte', 'bør', 'burde', 'tør', 'turde', 'får',
    'fik', 'fået', 'gør', 'gjorde', 'gjort', 'gøre',
    // adverbs and particles
    'også', 'meget', 'jo', 'vel', 'nok', 'nu', 'her', 'der', 'derfra', 'herfra', 'dermed', 'derefter',
    'allerede', 'stadig', 'endnu', 'igen', 'ganske', 'heller', 'faktisk', 'måske', 'egentlig', 'gerne',
    'ellers', 'særdeles', 'temmelig',
  ]),
  sv: uniq([
    // articles, determiners
    'en', 'ett', 'den', 'det', 'de', 'denna', 'detta', 'dessa', 'denne', 'varje', 'var', 'vart', 'alla', 'allt',
    'båda', 'bägge', 'någon', 'något', 'några', 'sådan', 'sådant', 'sådana', 'annan', 'annat', 'andra', 'samma',
    'själva', 'egen', 'eget', 'egna', 'mycket', 'många', 'vilken', 'vilket', 'vilka',
    // pronouns
    'jag', 'mig', 'mej', 'min', 'mitt', 'mina', 'du', 'dig', 'dej', 'din', 'ditt', 'dina', 'han', 'honom', 'hans',
    'hon', 'henne', 'hennes', 'dess', 'vi', 'oss', 'vår', 'vårt', 'våra', 'ni', 'er', 'ert', 'era', 'deras', 'dem',
    'sig', 'sej', 'sin', 'sitt', 'sina', 'själv', 'man', 'vad', 'vem', 'vems', 'var', 'varför', 'hur',
    'som', 'vars',
    // prepositions
    'i', 'på', 'till', 'av', 'för', 'med', 'från', 'om', 'vid', 'hos', 'under', 'över', 'mellan', 'mot', 'emot',
    'genom', 'bland', 'bakom', 'framför', 'inom', 'in', 'ut', 'upp', 'ned', 'ner', 'utanför', 'innanför', 'runt',
    'kring', 'längs', 'efter', 'före', 'innan', 'per', 'trots', 'via', 'fram', 'bort', 'åt',
    // conjunctions
    'och', 'eller', 'men', 'att', 'än', 'så', 'eftersom', 'då', 'när', 'om', 'ifall', 'antingen', 'varken',
    'både', 'samt', 'medan', 'därför', 'ändå', 'dock', 'dessutom', 'alltså', 'nämligen',
    // auxiliaries and modals
    'är', 'var', 'varit', 'vara', 'har', 'hade', 'ha', 'haft', 'blir', 'blev', 'blivit', 'bli', 'ska', 'skall',
    'skulle', 'vill', 'ville', 'velat', 'kan', 'kunde', 'kunnat', 'kunna', 'måste', 'må', 'bör', 'borde', 'får',
    'fick', 'fått', 'gör', 'gjorde', 'gjort', 'göra', 'lär',
    // adverbs and particles
    'också', 'även', 'väldigt', 'mycket', 'ju', 'väl', 'nog', 'nu', 'här', 'där', 'dit', 'hit', 'därifrån',
    'härifrån', 'därmed', 'därefter', 'redan', 'fortfarande', 'ännu', 'igen', 'ganska', 'heller', 'faktiskt',
    'kanske', 'egentligen', 'gärna', 'annars',
  ]),
  fr: uniq([
    // articles, determiners
    'le', 'la', 'les', 'l\'', 'un', 'une', 'des', 'du', 'de', 'd\'', 'au', 'aux', 'ce', 'cet', 'cette', 'ces',
    'chaque', 'tout', 'toute', 'tous', 'toutes', 'quelque', 'quelques', 'plusieurs', 'certain', 'certaine',
    'certains', 'certaines', 'autre', 'autres', 'même', 'mêmes', 'tel', 'telle', 'tels', 'telles', 'quel', 'quelle',
    'quels', 'quelles', 'beaucoup',
    // pronouns
    'je', 'j\'', 'me', 'm\'', 'moi', 'mon', 'ma', 'mes', 'tu', 'te', 't\'', 'toi', 'ton', 'ta', 'tes', 'il', 'ils',
    'elle', 'elles', 'lui', 'leur', 'leurs', 'se', 's\'', 'soi', 'son', 'sa', 'ses', 'nous', 'notre', 'nos',
    'vous', 'votre', 'vos', 'on', 'y', 'en', 'qui', 'que', 'qu\'', 'quoi', 'dont', 'où', 'lequel', 'laquelle',
    'lesquels', 'lesquelles', 'auquel', 'duquel', 'celui', 'celle', 'ceux', 'celles', 'ceci', 'cela', 'ça',
    'c\'', 'quelqu\'un', 'chacun', 'chacune',
    // prepositions
    'à', 'dans', 'sur', 'sous', 'avec', 'pour', 'par', 'vers', 'chez', 'entre', 'parmi', 'contre',
    'pendant', 'avant', 'après', 'devant', 'derrière', 'malgré', 'via', 'hors', 'outre', 'auprès',
    'envers', 'lors', 'durant', 'dès', 'jusqu\'', 'près', 'loin', 'autour',
    // conjunctions
    'et', 'ou', 'mais', 'donc', 'or', 'car', 'si', 'comme', 'quand', 'lorsque', 'lorsqu\'', 'puisque', 'puisqu\'',
    'parce', 'afin', 'tandis', 'alors', 'ainsi', 'cependant', 'pourtant', 'toutefois', 'néanmoins', 'puis',
    'ensuite', 'enfin', 'soit',
    // auxiliaries and modals (être, avoir, pouvoir, devoir, vouloir, aller, faire)
    'être', 'suis', 'es', 'est', 'sommes', 'êtes', 'sont', 'étais', 'était', 'étions', 'étiez', 'étaient',
    'été', 'serai', 'sera', 'serons', 'seront', 'serait', 'seraient', 'sois', 'soit', 'soient', 'fut', 'furent',
    'avoir', 'ai', 'as', 'a', 'avons', 'avez', 'ont', 'avais', 'avait', 'aviez', 'avaient', 'eu', // 'avions' left out: = planes
    'aura', 'auront', 'aurait', 'auraient', 'ait', 'aient', 'eut', 'peux', 'peut', 'pouvons',
    'pouvez', 'peuvent', 'pouvait', 'pouvaient', 'pourra', 'pourront', 'pourrait', 'pourraient', 'pu', 'puisse',
    'devoir', 'dois', 'doit', 'devons', 'devez', 'doivent', 'devait', 'devaient', 'devra', 'devrait', 'devraient',
    'dû', 'vouloir', 'veux', 'veut', 'voulons', 'voulez', 'veulent', 'voulait', 'voudrait', 'voudraient',
    'aller', 'vais', 'va', 'allons', 'allez', 'vont', 'allait', 'allaient', 'ira', 'iront', 'irait', 'faire',
    'fait', 'font', 'faisait', 'fera', 'ferait',
    // adverbs and particles
    'aussi', 'très', 'encore', 'déjà', 'toujours', 'ici', 'là', 'y', 'bien', 'même', 'plutôt', 'assez', 'trop',
    'peut-être', 'notamment', 'surtout', 'également', 'donc', 'voici', 'voilà', 'maintenant', 'désormais',
    'ailleurs', 'cependant', 'vraiment', 'tant', 'si',
  ]),
  es: uniq([
    // articles, determiners
    'el', 'la', 'los', 'las', 'lo', 'un', 'una', 'unos', 'unas', 'al', 'del', 'este', 'esta', 'estos', 'estas',
    'esto', 'ese', 'esa', 'esos', 'esas', 'eso', 'aquel', 'aquella', 'aquellos', 'aquellas', 'aquello', 'cada',
    'todo', 'toda', 'todos', 'todas', 'algún', 'alguno', 'alguna', 'algunos', 'algunas', 'cierto', 'cierta',
    'ciertos', 'ciertas', 'otro', 'otra', 'otros', 'otras', 'mismo', 'misma', 'mismos', 'mismas', 'tal', 'tales',
    'varios', 'varias', 'mucho', 'mucha', 'muchos', 'muchas', 'cual', 'cuales', 'cuál', 'cuáles', 'algo',
    'alguien', 'ambos', 'ambas',
    // pronouns
    'yo', 'me', 'mí', 'mi', 'mis', 'mío', 'mía', 'tú', 'te', 'ti', 'tu', 'tus', 'él', 'ella', 'ello', 'ellos',
    'ellas', 'le', 'les', 'se', 'sí', 'su', 'sus', 'suyo', 'suya', 'suyos', 'suyas', 'nosotros', 'nosotras',
    'nos', 'nuestro', 'nuestra', 'nuestros', 'nuestras', 'vosotros', 'vosotras', 'os', 'vuestro', 'vuestra',
    'usted', 'ustedes', 'que', 'qué', 'quien', 'quienes', 'quién', 'quiénes', 'donde', 'dónde', 'cuando',
    'cuándo', 'como', 'cómo', 'cuanto', 'cuánto', 'cuya', 'cuyo', 'cuyos', 'cuyas',
    // prepositions
    'a', 'de', 'en', 'con', 'por', 'para', 'sobre', 'entre', 'hacia', 'durante', 'ante',
    'bajo', 'tras', 'contra', 'mediante', 'vía', 'junto', 'dentro', 'fuera', 'cerca', 'lejos',
    'detrás', 'delante', 'encima', 'debajo', 'alrededor', 'acerca',
    // conjunctions
    'y', 'e', 'o', 'u', 'pero', 'sino', 'si', 'porque', 'pues', 'aunque', 'mientras', 'luego', 'entonces',
    'así', 'además', 'incluso', 'tanto',
    // auxiliaries and modals (ser, estar, haber, poder, deber, querer, ir)
    'ser', 'soy', 'eres', 'es', 'somos', 'son', 'era', 'eras', 'éramos', 'eran', 'fue', 'fueron', 'fui', 'sido',
    'sea', 'sean', 'será', 'serán', 'sería', 'serían', 'fuera', 'estar', 'estoy', 'está', 'estás', 'estamos',
    'están', 'estaba', 'estaban', 'estuvo', 'estuvieron', 'esté', 'estén', 'estará', 'estaría',
    'haber', 'he', 'has', 'ha', 'hemos', 'han', 'había', 'habían', 'hubo', 'habido', 'haya', 'hayan', 'habrá',
    'habría', 'habrían', 'hay', 'puede', 'pueden', 'podía', 'podían', 'pudo', 'podrá', 'podría',
    'podrían', 'debe', 'deben', 'debía', 'debería', 'deberían', 'querer', 'quiere', 'quieren',
    'quería', 'ir', 'va', 'van', 'iba', 'iban', 'vamos',
    // adverbs and particles
    'también', 'muy', 'ya', 'aún', 'todavía', 'aquí', 'allí', 'ahí', 'allá', 'acá', 'bien', 'así', 'ahora',
    'quizá', 'quizás', 'incluso', 'bastante', 'demasiado', 'tan', 'realmente',
  ]),
};
