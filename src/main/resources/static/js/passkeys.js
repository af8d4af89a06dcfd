// Passkeys: signing in with one (sign-in page) and adding one (account page). Pages work without
// this file; it only shows the passkey parts where the browser can make and use passkeys.
(function () {
  "use strict";
  if (!window.PublicKeyCredential || !navigator.credentials || !window.fetch) return;

  function decode(text) {
    var base64 = text.replace(/-/g, "+").replace(/_/g, "/");
    while (base64.length % 4) base64 += "=";
    var binary = atob(base64);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes.buffer;
  }

  function encode(buffer) {
    var bytes = new Uint8Array(buffer);
    var binary = "";
    for (var i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]);
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function post(box, url, body) {
    var headers = { "Content-Type": "application/json", "Accept": "application/json" };
    headers[box.getAttribute("data-csrf-header")] = box.getAttribute("data-csrf");
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: headers,
      body: body === undefined ? null : JSON.stringify(body)
    });
  }

  // The options of a ceremony, from the server, with a fresh challenge.
  function options(box, url) {
    return post(box, url).then(function (response) {
      if (!response.ok) throw new Error("options " + response.status);
      return response.json();
    });
  }

  function descriptors(list) {
    return (list || []).map(function (c) {
      return { type: c.type, id: decode(c.id), transports: c.transports };
    });
  }

  function show(error, text) {
    error.textContent = text;
    error.hidden = false;
  }

  // Sign-in page.
  var signIn = document.getElementById("passkey-sign-in");
  if (signIn) {
    var signInError = document.getElementById("passkey-error");
    signIn.hidden = false;
    document.getElementById("passkey-button").addEventListener("click", function (event) {
      var button = event.currentTarget;
      button.disabled = true;
      signInError.hidden = true;
      options(signIn, "/webauthn/authenticate/options")
        .then(function (asked) {
          asked.challenge = decode(asked.challenge);
          asked.allowCredentials = descriptors(asked.allowCredentials);
          return navigator.credentials.get({ publicKey: asked });
        })
        .then(function (credential) {
          var r = credential.response;
          return post(signIn, "/login/webauthn", {
            id: credential.id,
            rawId: encode(credential.rawId),
            type: credential.type,
            response: {
              authenticatorData: encode(r.authenticatorData),
              clientDataJSON: encode(r.clientDataJSON),
              signature: encode(r.signature),
              userHandle: r.userHandle ? encode(r.userHandle) : null
            },
            clientExtensionResults: credential.getClientExtensionResults(),
            authenticatorAttachment: credential.authenticatorAttachment
          });
        })
        .then(function (response) {
          if (!response.ok) throw new Error("sign-in " + response.status);
          return response.json();
        })
        .then(function (answer) {
          // Only a path on this site: never another host.
          var target = answer && answer.redirectUrl;
          window.location.assign(/^\/(?!\/)/.test(target || "") ? target : "/");
        })
        .catch(function () {
          button.disabled = false;
          show(signInError, signIn.getAttribute("data-refused"));
        });
    });
  }

  // Account page.
  var add = document.getElementById("passkey-add");
  if (add) {
    var addError = document.getElementById("passkey-add-error");
    var unsupported = document.getElementById("passkey-unsupported");
    if (unsupported) unsupported.hidden = true;
    add.hidden = false;
    document.getElementById("passkey-add-button").addEventListener("click", function (event) {
      var button = event.currentTarget;
      var label = document.getElementById("passkey-label").value.trim();
      addError.hidden = true;
      if (!label) {
        show(addError, add.getAttribute("data-label"));
        return;
      }
      button.disabled = true;
      options(add, "/account/passkeys/options")
        .then(function (asked) {
          asked.challenge = decode(asked.challenge);
          asked.user.id = decode(asked.user.id);
          asked.excludeCredentials = descriptors(asked.excludeCredentials);
          return navigator.credentials.create({ publicKey: asked });
        })
        .then(function (credential) {
          var r = credential.response;
          return post(add, "/account/passkeys", {
            publicKey: {
              label: label,
              credential: {
                id: credential.id,
                rawId: encode(credential.rawId),
                type: credential.type,
                response: {
                  attestationObject: encode(r.attestationObject),
                  clientDataJSON: encode(r.clientDataJSON),
                  transports: r.getTransports ? r.getTransports() : []
                },
                clientExtensionResults: credential.getClientExtensionResults(),
                authenticatorAttachment: credential.authenticatorAttachment
              }
            }
          });
        })
        .then(function (response) {
          return response.json().then(function (answer) {
            // A refusal's reason comes in the user's language.
            if (!response.ok) throw { detail: answer && answer.detail };
            // A full load (not a jump within the page) shows the new passkey in the list.
            window.location.assign("/account");
          });
        })
        .catch(function (error) {
          button.disabled = false;
          show(addError, (error && error.detail) || add.getAttribute("data-failed"));
        });
    });
  }
})();
