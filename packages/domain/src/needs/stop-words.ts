/**
 * Words the need engine ignores, in folded lower-case form (accents removed, as
 * {@link normaliseNeedText} gives them). Three lists with three reasons:
 *
 * - French and English function words: they carry no topic.
 * - Domain stop words: words that appear in needs of every topic because of what a need *is* in a
 *   network (« nous recherchons », « besoin », « mutualiser », « entreprise », « en commun »). Left
 *   in, they would make « audit cybersécurité mutualisé » look like « mutualiser nos contrats
 *   d'énergie ». The engine groups by topic; the wish to share is the premise of every need.
 *
 * Lists are of surface forms, not stems, on purpose: a stem like « commun » is also the Snowball
 * stem of « communication », which must stay a topic word.
 */

const FRENCH_FUNCTION_WORDS = `
a ai aie aient aies ait alors as au aucun aucune aupres auquel aura aurai auraient aurais aurait
auras aurez auriez aurions aurons auront aussi autre autres aux auxquels avaient avais avait avant
avec avez aviez avions avoir avons ayant ayez ayons c ca car ce ceci cela celle celles celui cependant
ces cet cette ceux chaque chez ci comme comment d dans de dela depuis des desquels deux dont donc du
duquel durant elle elles en encore entre es est et etaient etais etait etant etc ete etes etiez etions
etre eu eue eues eumes eurent eus eusse eussent eusses eussiez eussions eut eutes eux fais fait faire
font fumes furent fus fusse fussent fusses fussiez fussions fut futes hors ici il ils j je jusqu l la
laquelle le lequel les lesquelles lesquels leur leurs lors lorsque lui m ma mais me meme memes mes moi
moins mon n ne ni non nos notre nous on ont or ou par parce pas pendant peu peut peuvent plus pour
pourquoi pourrait pourrions puis qu quand que quel quelle quelles quels qui quoi s sa sans se sera
serai seraient serais serait seras serez seriez serions serons seront ses si soi soient sois soit sommes
son sont sous soyez soyons suis sur t ta te tel telle telles tels tes toi ton tous tout toute toutes
tres tu un une unes uns vers via voici voila vos votre vous y aujourdhui afin ainsi apres aupres
beaucoup bien certain certaine certaines certains deja egalement notamment parmi plusieurs tant trop
`;

const ENGLISH_FUNCTION_WORDS = `
a about above after again against all also am an and any are as at be because been before being below
between both but by can could did do does doing done down during each either every few for from
further had has have having he her here hers herself him himself his how i if in into is it its itself
just me more most my myself no nor not now of off on once only or other our ours ourselves out over own
per same she should so some such than that the their theirs them themselves then there these they
this those through to too under until up upon us very was we were what when where which while who whom
why will with within without would you your yours yourself yourselves
`;

/**
 * Words of the need itself rather than of its topic, in French and English. Deliberately kept:
 * « achat » (purchasing is a topic: it separates a purchase campaign from an audit), « formation »,
 * « groupement » (employer groups), « recrutement ».
 */
const DOMAIN_STOP_WORDS = `
besoin besoins recherche recherches rechercher recherchons recherchent recherchez
cherche cherches chercher cherchons cherchent cherchez souhait souhaits souhaite souhaitons
souhaitent souhaiter souhaiterions souhaiterait souhaiterais voudrions voudrait voudrais vouloir
voulons veut aimerions aimerait aimerais envisageons envisage envisager
trouver trouvons trouve aide aider aidez interesse interesses interessee interessees interet
partenaire partenaires
entreprise entreprises societe societes pme pmes tpe tpes eti etis adherent
adherents adherente adherentes membre membres dirigeant dirigeants
mutualiser mutualise mutualisee mutualises mutualisees mutualisation mutualisations mutualisons
commun commune communs communes partage partagee partages partagees partager partageons
groupe groupee groupes groupees grouper ensemble collectif collective collectifs collectives
conjoint conjointe conjointement mettre place nouveau nouvelle nouveaux nouvelles idee idees projet
projets prestataire prestataires fournisseur fournisseurs solution solutions possible possibilite
need needs needed looking look seek seeking searching search want wants wish like company companies
business firm firms member members share shared sharing pool pooled pooling joint jointly
common together collective group grouped several find new idea ideas project projects provider
providers supplier suppliers help interested partner partners
`;

function wordSet(list: string): ReadonlySet<string> {
  return new Set(list.split(/\s+/).filter((word) => word !== ''));
}

// Marked pure so that bundlers drop the lists from the web app, which never analyses needs.
export const FRENCH_STOP_WORDS: ReadonlySet<string> = /* @__PURE__ */ wordSet(FRENCH_FUNCTION_WORDS);
export const ENGLISH_STOP_WORDS: ReadonlySet<string> = /* @__PURE__ */ wordSet(ENGLISH_FUNCTION_WORDS);
export const NEED_DOMAIN_STOP_WORDS: ReadonlySet<string> = /* @__PURE__ */ wordSet(DOMAIN_STOP_WORDS);
