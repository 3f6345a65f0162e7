// One table for every protocol error code (generated from the protocol reference's errors.json;
// the test keeps them in step). `message` is the sentence shown to users.

export interface ProtocolErrorInfo {
  readonly code: number;
  /** The draft's ERR_* name, or a short description where the draft has none. */
  readonly name: string;
  readonly message: string;
  /** Known to MSNP2 (official client or draft) / to the MSNP3 official client. */
  readonly msnp2: boolean;
  readonly msnp3: boolean;
}

export const PROTOCOL_ERRORS: ReadonlyMap<number, ProtocolErrorInfo> = new Map(
  (
    [
      [100, "(undocumented)", "Unexpected server response (100).", true, true],
      [131, "(undocumented)", "Unexpected server response (131).", false, true],
      [146, "(undocumented)", "Unexpected server response (146).", true, false],
      [200, "ERR_SYNTAX_ERROR", "Internal error: the server did not understand a command (200).", true, true],
      [201, "ERR_INVALID_PARAMETER", "The request contained invalid information (201).", true, true],
      [203, "(MSGR_E_INVALID_FEDERATED_USER)", "Unexpected server response (203).", false, false],
      [204, "(MSGR_E_UNROUTABLE_USER)", "Unexpected server response (204).", false, false],
      [205, "ERR_INVALID_USER", "That e-mail address is not a registered Messenger/Passport account.", true, true],
      [206, "ERR_FQDN_MISSING", "Please enter a complete e-mail address (name@domain).", true, false],
      [207, "ERR_ALREADY_LOGIN", "You are already signed in.", true, false],
      [208, "ERR_INVALID_USERNAME", "That is not a valid e-mail address.", true, true],
      [209, "ERR_INVALID_FRIENDLY_NAME", "That name is not allowed. Please choose a different name.", true, true],
      [210, "ERR_LIST_FULL", "Your contact list is full. Remove a contact before adding another.", true, true],
      [211, "(undocumented)", "Unexpected server response (211).", true, false],
      [212, "(undocumented; HRESULT MSGR_E_UNEXPECTED)", "An unexpected error occurred (212).", false, true],
      [213, "(MSGR_E_USER_DOESNT_EXIST)", "Unexpected server response (213).", false, false],
      [215, "ERR_ALREADY_THERE", "That person is already on the list (or already in this conversation).", true, true],
      [216, "ERR_NOT_ON_LIST", "That person is not on your list.", true, true],
      [217, "(none in draft; MSGR_E_MSNP_NOT_ACCEPTING_IMS)", "The person you invited is not available for a conversation right now.", false, true],
      [218, "ERR_ALREADY_IN_THE_MODE", "(No message needed — the setting is already in effect.)", true, false],
      [219, "ERR_ALREADY_IN_OPPOSITE_LIST", "That person is already on your allow/block list; change that setting first.", true, true],
      [220, "(MSGR_E_NOT_ACCEPTING_PAGES)", "That person cannot receive pages.", false, false],
      [224, "(group error)", "Unexpected server response (224).", false, false],
      [225, "(group error)", "Unexpected server response (225).", false, false],
      [228, "(group error)", "Unexpected server response (228).", false, false],
      [229, "(group error)", "Unexpected server response (229).", false, false],
      [230, "(group error)", "Unexpected server response (230).", false, false],
      [280, "ERR_SWITCHBOARD_FAILED", "Could not start the conversation. Please try again.", true, true],
      [281, "ERR_NOTIFY_XFR_FAILED", "Could not start the conversation. Please try again.", true, true],
      [282, "(MSG D error)", "Unexpected server response (282).", false, false],
      [300, "ERR_REQUIRED_FIELDS_MISSING", "Internal error: a request was incomplete (300).", true, true],
      [301, "(undocumented)", "Too many people match your search. Please be more specific.", false, false],
      [302, "ERR_NOT_LOGGED_IN", "You are not signed in.", true, true],
      [500, "ERR_INTERNAL_SERVER", "The service is having problems. Please try again later.", true, true],
      [501, "ERR_DB_SERVER", "The service is having problems. Please try again later.", true, true],
      [502, "(command disabled)", "That feature is no longer available.", false, false],
      [503, "(undocumented; HRESULT MSGR_E_FAIL)", "The request failed (503).", true, false],
      [510, "ERR_FILE_OPERATION", "The service is having problems. Please try again later.", true, false],
      [520, "ERR_MEMORY_ALLOC", "The service is having problems. Please try again later.", true, true],
      [540, "(MSGR_E_LOCKANDKEY_FAILED)", "Unexpected server response (540).", false, false],
      [600, "ERR_SERVER_BUSY", "The service is busy. Please try again in a few minutes.", true, true],
      [601, "ERR_SERVER_UNAVAILABLE", "The service is temporarily unavailable. Please try again later.", true, true],
      [602, "ERR_PEER_NS_DOWN", "The service is having problems. Please try again later.", true, false],
      [603, "ERR_DB_CONNECT", "The service is having problems. Please try again later.", true, false],
      [604, "ERR_SERVER_GOING_DOWN", "The server is going down for maintenance. You will be signed out.", true, true],
      [707, "ERR_CREATE_CONNECTION", "Could not connect. Please try again.", true, true],
      [710, "(CVR error)", "Unexpected server response (710).", false, false],
      [711, "ERR_BLOCKING_WRITE", "The service is having problems. Please try again.", true, false],
      [712, "ERR_SESSION_OVERLOAD", "The service is busy. Please try again later.", true, true],
      [713, "ERR_USER_TOO_ACTIVE", "You are doing that too often. Please wait a moment.", true, true],
      [714, "ERR_TOO_MANY_SESSIONS", "You have too many conversations open. Close some and try again.", true, true],
      [715, "ERR_NOT_EXPECTED", "Internal error: unexpected request (715).", true, true],
      [716, "(undocumented)", "Unexpected server response (716).", false, true],
      [717, "ERR_BAD_FRIEND_FILE", "There is a problem with your contact list on the server (717).", true, false],
      [731, "(CVR error)", "Unexpected server response (731).", false, false],
      [800, "(none in draft; MSGR_E_RATE_LIMIT_EXCEEDED)", "You are changing your name too often. Please wait and try again.", false, true],
      [910, "(MSGR_E_SERVER_TOO_BUSY)", "The service is busy. Please try signing in later.", false, false],
      [911, "ERR_AUTHENTICATION_FAILED", "The sign-in name or password is incorrect.", true, true],
      [912, "(undocumented)", "The service is busy. Please try signing in later.", true, true],
      [913, "ERR_NOT_ALLOWED_WHEN_OFFLINE", "You cannot do that while you appear offline.", true, true],
      [914, "(undocumented)", "The service is unavailable. Please try signing in later.", true, false],
      [917, "(none in draft; MSGR_E_INVALID_DOMAIN)", "That sign-in name's domain cannot be used with this service.", false, true],
      [918, "(undocumented; HRESULT MSGR_E_INTERNAL_SERVER_ERROR)", "The service is having problems. Please try signing in later.", true, false],
      [919, "(undocumented; HRESULT MSGR_E_INTERNAL_SERVER_ERROR)", "The service is having problems. Please try signing in later.", true, false],
      [920, "ERR_NOT_ACCEPTING_NEW_USERS", "The service is not accepting new sign-ins right now. Please try again later.", true, true],
      [921, "(MSGR_E_SERVER_TOO_BUSY)", "The service is busy. Please try signing in later.", false, false],
      [922, "(MSGR_E_SERVER_TOO_BUSY)", "The service is busy. Please try signing in later.", false, false],
      [923, "(MSGR_E_CHILD_WITHOUT_CONSENT)", "This Kids Passport account is not allowed to use Messenger.", false, false],
      [924, "(MSGR_E_EMAIL_PASSPORT_NOT_VALIDATED)", "You must verify your e-mail address before signing in.", false, false],
      [928, "(MSGR_E_INVALID_PASSWORD)", "The sign-in name or password is incorrect.", false, false],
    ] as const
  ).map(([code, name, message, msnp2, msnp3]) => [code, { code, name, message, msnp2, msnp3 }]),
);

/** The sentence for an error code; unknown codes get a generic sentence, never a crash. */
export function describeProtocolError(code: number): string {
  return (
    PROTOCOL_ERRORS.get(code)?.message ??
    `An error occurred while communicating with the server (code ${code}).`
  );
}

/** 218 means "already in that mode": the request did what was asked. */
export function isSuccessClassError(code: number): boolean {
  return code === 218;
}
