#!/usr/bin/env bash
# Regenerates the certificate fixtures used by dev.tlsconsole.certificates.x509 tests.
#
# Everything here is made by the openssl command line (3.x), so the import tests prove that the
# console reads what administrators actually produce with OpenSSL scripts. The keys are TEST-ONLY.
# Password of every encrypted key and PKCS#12 file: fixture-pass
#
# Usage: bash src/test/resources/certificates/make-fixtures.sh   (from the project root)
set -euo pipefail
cd "$(dirname "$0")"
PASS=fixture-pass
DAYS=36500
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# --- CA hierarchy: RSA root -> EC intermediate ------------------------------------------------
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$work/root.key" -out root-ca.pem -days $DAYS \
  -subj "/O=Fixture Org/CN=Fixture Root CA" \
  -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null

openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$work/int.key" \
  -out "$work/int.csr" -subj "/O=Fixture Org/CN=Fixture Intermediate CA" 2>/dev/null
cat > "$work/int.ext" <<EXT
basicConstraints=critical,CA:TRUE,pathlen:0
keyUsage=critical,keyCertSign,cRLSign
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid
EXT
openssl x509 -req -in "$work/int.csr" -CA root-ca.pem -CAkey "$work/root.key" -CAserial "$work/serial" -CAcreateserial \
  -out intermediate-ca.pem -days $DAYS -sha256 -extfile "$work/int.ext" 2>/dev/null

# --- RSA leaf (server + client) and its keys in every PEM flavour ------------------------------
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out rsa-leaf.pkcs8.key 2>/dev/null
openssl req -new -key rsa-leaf.pkcs8.key -out "$work/rsa.csr" -subj "/O=Fixture Org/CN=rsa.example.test"
cat > "$work/rsa.ext" <<EXT
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=serverAuth,clientAuth
subjectAltName=DNS:rsa.example.test,IP:192.0.2.10
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid
crlDistributionPoints=URI:http://crl.example.test/intermediate.crl
EXT
openssl x509 -req -in "$work/rsa.csr" -CA intermediate-ca.pem -CAkey "$work/int.key" -CAserial "$work/serial" -CAcreateserial \
  -out rsa-leaf.pem -days $DAYS -sha256 -extfile "$work/rsa.ext" 2>/dev/null
openssl x509 -in rsa-leaf.pem -outform DER -out rsa-leaf.der
openssl pkcs8 -topk8 -in rsa-leaf.pkcs8.key -out rsa-leaf.pkcs8-encrypted.key -v2 aes-256-cbc -passout pass:$PASS
openssl rsa -in rsa-leaf.pkcs8.key -traditional -out rsa-leaf.pkcs1.key 2>/dev/null
openssl rsa -in rsa-leaf.pkcs8.key -traditional -aes256 -passout pass:$PASS -out rsa-leaf.pkcs1-encrypted.key 2>/dev/null
cat rsa-leaf.pem intermediate-ca.pem root-ca.pem > rsa-chain.pem
cat root-ca.pem intermediate-ca.pem rsa-leaf.pem > rsa-chain-root-first.pem
cat rsa-leaf.pem root-ca.pem > rsa-chain-missing-intermediate.pem

# --- EC leaf with every SAN type, its SEC1 ("EC PRIVATE KEY") key, and PKCS#12 bundles ---------
openssl ecparam -name prime256v1 -genkey -noout -out ec-leaf.sec1.key
openssl req -new -key ec-leaf.sec1.key -out "$work/ec.csr" -subj "/O=Fixture Org/CN=ec.example.test"
cat > "$work/ec.ext" <<EXT
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature
extendedKeyUsage=serverAuth
subjectAltName=DNS:ec.example.test,IP:192.0.2.11,URI:spiffe://example.test/ec,email:ops@example.test
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid
EXT
openssl x509 -req -in "$work/ec.csr" -CA intermediate-ca.pem -CAkey "$work/int.key" -CAserial "$work/serial" -CAcreateserial \
  -out ec-leaf.pem -days $DAYS -sha256 -extfile "$work/ec.ext" 2>/dev/null
openssl pkcs12 -export -inkey ec-leaf.sec1.key -in ec-leaf.pem -certfile <(cat intermediate-ca.pem root-ca.pem) \
  -name ec-leaf -passout pass:$PASS -out ec-leaf.p12
openssl pkcs12 -export -legacy -inkey rsa-leaf.pkcs8.key -in rsa-leaf.pem -certfile intermediate-ca.pem \
  -name rsa-leaf -passout pass:$PASS -out rsa-leaf-legacy.p12
# certificates only, root first: what a CA bundle export looks like
openssl pkcs12 -export -nokeys -in rsa-chain-root-first.pem -passout pass:$PASS -out certificates-only.p12

# --- keys that must be refused ---------------------------------------------------------------
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out other-rsa.pkcs8.key 2>/dev/null
openssl genpkey -algorithm ED25519 -out ed25519.pkcs8.key
openssl req -x509 -key ed25519.pkcs8.key -out ed25519-self-signed.pem -days $DAYS -subj "/CN=ed25519.example.test"

# --- a CSR as administrators make it, with SANs in the extensionRequest -----------------------
openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout /dev/null -out host.csr \
  -subj "/O=Fixture Org/CN=csr.example.test" -addext "subjectAltName=DNS:csr.example.test,IP:192.0.2.20" 2>/dev/null
# ... and as older scripts make them: no SAN at all (the CA copies a host-name CN into the SAN), and a weak RSA key
openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout /dev/null -out legacy-no-san.csr \
  -subj "/CN=legacy.example.test" 2>/dev/null
openssl req -new -newkey rsa:1024 -nodes -keyout /dev/null -out weak-rsa-1024.csr -subj "/CN=weak.example.test" 2>/dev/null

# --- a CRL from the intermediate CA revoking the RSA leaf for keyCompromise -------------------
mkdir -p "$work/ca"
touch "$work/ca/index.txt"
echo 1000 > "$work/ca/crlnumber"
cat > "$work/ca.cnf" <<CNF
[ca]
default_ca = fixture
[fixture]
database = $work/ca/index.txt
crlnumber = $work/ca/crlnumber
default_md = sha256
default_crl_days = $DAYS
crl_extensions = crl_ext
[crl_ext]
authorityKeyIdentifier = keyid
CNF
openssl ca -config "$work/ca.cnf" -cert intermediate-ca.pem -keyfile "$work/int.key" \
  -revoke rsa-leaf.pem -crl_reason keyCompromise 2>/dev/null
openssl ca -config "$work/ca.cnf" -cert intermediate-ca.pem -keyfile "$work/int.key" -gencrl -out intermediate.crl.pem 2>/dev/null
openssl crl -in intermediate.crl.pem -outform DER -out intermediate.crl.der
echo "fixtures written to $(pwd)"
