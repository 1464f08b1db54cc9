/**
 * Tandem's extension ids, the same on every machine, for policies that name the extension (force-install,
 * managed storage) and for sign-in redirect allowlists.
 *
 * Chrome derives an unpacked extension's id from the manifest's `key` (the SHA-256 of this public key, its
 * first 32 hex digits written a–p); without a key the id follows the folder it was loaded from. The private key
 * was never kept: a build published to the Chrome Web Store or Edge Add-ons gets the store's id instead, and a
 * .crx takes the id of the key that signs it. test/extension/extension-ids.test.ts checks the two agree.
 */
export const chromeKey =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEArOXzKEXros7PFATXxmYGcTWeeRktf9hlrN4rDRgve1l155MfLdy49MSEBvSHpsBwWrTyq578vapPTStpkzZfDv2S7Nh2pMph1+PluWo0Fegm6hvJHLvtPfrhyELRPt+hi/dKxTayKYoeAEmP79iW91/TQTqIV0FKrZWAUHzbbr4cdvbGPMk3SlDYWje/6LM190gDMZtA8y0r0kogCmJSLeFDFoprmcK/voL0LnZpEeoMEEZLWrQTXjeXM5Ix14AzooFdBw4YO+dy4CCfy/BMOnL6aVVvj2c0tgJYUM4aG6ftRvUM6sEObFFz3c4ZFq0wp9eejoZ8rs0hQAjx8lJMpQIDAQAB';

/** The id of every build loaded unpacked or from a self-hosted update (see chromeKey). */
export const chromeId = 'eebledknpejchildelpancagegmgahpn';

/** Firefox's add-on id (browser_specific_settings.gecko.id): an email-like id Tandem owns, fixed forever. */
export const geckoId = 'tandem@tandem.local';
