-- MyCity schema, version 16: logins through a council's OpenID Connect provider under way, between the redirect to
-- the provider and its answer (at most 10 minutes): the state names one, with its nonce and PKCE verifier.
CREATE TABLE oidc_login (
    state       text PRIMARY KEY,
    nonce       text        NOT NULL,
    verifier    text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
