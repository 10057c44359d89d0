import { ENGLISH_STOP_WORDS } from '../search/stop-words.js';

/**
 * Words that say nothing about what a text is about, checked before stemming. PostgreSQL's
 * list (what search ignores) plus what fills support messages, chats and interviews:
 * greetings, politeness, hedges, contractions written with or without the apostrophe, and
 * verbs of asking ("can you tell me", "I need to know"). Domain words ("card", "account") are
 * not here: the max document frequency drops those that are everywhere in a given scope.
 * The general-purpose lists on npm were either as short as PostgreSQL's or drop words that
 * carry topics in support text ("top" as in top-up, "work" as in not working, "new", "number").
 */
const CONVERSATION_FILLER = [
  // greetings, politeness, acknowledgements
  'hi', 'hello', 'hey', 'hiya', 'dear', 'thanks', 'thank', 'thx', 'ty', 'please', 'pls', 'plz', 'kindly', 'regards', 'cheers',
  'sorry', 'ok', 'okay', 'yes', 'yeah', 'yep', 'nope', 'sir', 'madam', 'guys', 'morning', 'afternoon', 'evening', 'good',
  'great', 'appreciate', 'appreciated', 'hope',
  // modal and auxiliary verbs, contractions (the apostrophe is often left out in chat)
  'would', 'could', 'might', 'must', 'shall', 'may', 'ought', 'im', 'ive', 'id', 'ill', 'youre', 'youve', 'youd', 'youll',
  'hes', 'shes', 'theyre', 'theyve', 'weve', 'thats', 'whats', 'wheres', 'whos', 'hows', 'theres', 'heres',
  'lets', 'dont', 'doesnt', 'didnt', 'cant', 'cannot', 'couldnt', 'wont', 'wouldnt', 'shouldnt', 'isnt', 'arent', 'wasnt',
  'werent', 'havent', 'hasnt', 'hadnt', 'mustnt', 'neednt', 'aint', 'wanna', 'gonna', 'gotta', 'u', 'ur', 'r',
  "i'm", "i've", "i'd", "i'll", "you're", "you've", "you'd", "you'll", "he's", "she's", "it's", "we're", "we've", "we'd",
  "we'll", "they're", "they've", "they'd", "they'll", "that's", "what's", "where's", "who's", "how's", "there's", "here's",
  "let's", "don't", "doesn't", "didn't", "can't", "couldn't", "won't", "wouldn't", "shouldn't", "isn't", "aren't", "wasn't",
  "weren't", "haven't", "hasn't", "hadn't", "mustn't", "needn't", "ain't",
  // asking and hedging
  'also', 'get', 'gets', 'got', 'gotten', 'getting', 'need', 'needs', 'needed', 'want', 'wants', 'wanted', 'wanting', 'know',
  'knows', 'knew', 'known', 'like', 'tell', 'let', 'help', 'see', 'seem', 'seems', 'seemed', 'able', 'go', 'goes', 'going',
  'went', 'really', 'actually', 'basically', 'maybe', 'perhaps', 'probably', 'still', 'already', 'yet', 'even', 'ever',
  'much', 'many', 'lot', 'lots', 'bit', 'well', 'though', 'although', 'however', 'anyway', 'else', 'thing', 'things',
  'stuff', 'something', 'anything', 'everything', 'nothing', 'someone', 'anyone', 'everyone', 'somebody', 'anybody',
  'one', 'us', 'etc', 'eg', 'ie', 'via', 'per', 'since', 'within', 'without', 'upon', 'whether', 'either', 'another',
  // verbs that carry no topic of their own ("make sure", "it says", "I think")
  'make', 'makes', 'made', 'making', 'take', 'takes', 'took', 'taken', 'mean', 'means', 'meant', 'say', 'says', 'said',
  'sure', 'think', 'thought', 'put', 'couple', 'try', 'tried', 'trying',
  // when, loosely
  'today', 'yesterday', 'tomorrow', 'recently', 'currently', 'soon', 'asap', 'ago',
];

export const CLUSTER_STOP_WORDS: ReadonlySet<string> = new Set([...ENGLISH_STOP_WORDS, ...CONVERSATION_FILLER]);
