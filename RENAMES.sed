# Renames of issue 14 (feat/straighten). Run over code written against main's names, whole file at once:
#   sed -z -i -f RENAMES.sed $(git diff --name-only main... -- '*.java' '*.html')
# (-z: GNU sed treats each file as one pattern space, so the conditional lines below can look at the
#  package and imports of the file.) Step 1 renamed nothing; see the steps below.

# --- step 2: one name per idea
# the running console's resolution of the live topology (was `effective`, which collided with policy.effective)
s/dev\.tlsconsole\.effective\b/dev.tlsconsole.resolution/g
# the engine's snapshot records say they are snapshots (topology's entities keep Host/Application/Connection)
/package dev\.tlsconsole\.policy\.snapshot;\|import dev\.tlsconsole\.policy\.snapshot\.Host;/s/\([^"]\)\bHost\b\([^"]\)/\1HostSnapshot\2/g
/package dev\.tlsconsole\.policy\.snapshot;\|import dev\.tlsconsole\.policy\.snapshot\.Application;/s/\([^"]\)\bApplication\b\([^"]\)/\1ApplicationSnapshot\2/g
/package dev\.tlsconsole\.policy\.snapshot;\|import dev\.tlsconsole\.policy\.snapshot\.Connection;/s/\([^"]\)\bConnection\b\([^"]\)/\1ConnectionSnapshot\2/g
s/dev\.tlsconsole\.policy\.snapshot\.Host\b/dev.tlsconsole.policy.snapshot.HostSnapshot/g
s/dev\.tlsconsole\.policy\.snapshot\.Application\b/dev.tlsconsole.policy.snapshot.ApplicationSnapshot/g
s/dev\.tlsconsole\.policy\.snapshot\.Connection\b/dev.tlsconsole.policy.snapshot.ConnectionSnapshot/g
# one OsType and one ListeningMode: the engine's (policy.snapshot); topology's copies are gone
/package dev\.tlsconsole\.topology;/{/[^.]\bOsType\b/{/import dev\.tlsconsole\.policy\.snapshot\.OsType;/!s/package dev\.tlsconsole\.topology;\n/&\nimport dev.tlsconsole.policy.snapshot.OsType;\n/}}
/package dev\.tlsconsole\.topology;/{/[^.]\bListeningMode\b/{/import dev\.tlsconsole\.policy\.snapshot\.ListeningMode;/!s/package dev\.tlsconsole\.topology;\n/&\nimport dev.tlsconsole.policy.snapshot.ListeningMode;\n/}}
s/dev\.tlsconsole\.topology\.OsType\b/dev.tlsconsole.policy.snapshot.OsType/g
s/dev\.tlsconsole\.topology\.ListeningMode\b/dev.tlsconsole.policy.snapshot.ListeningMode/g

# --- step 3: typed audit vocabulary (AuditAction, AuditObjectType in dev.tlsconsole.audit)
# @Audited(action = "x.y", objectType = T, ...) -> @Audited(value = AuditAction.X_Y, ...); AuditRecord factories take the enum
# (the action names the object type). A new action string not listed here needs a constant in AuditAction.
s/@Audited(action = "host\.create", objectType = [A-Za-z_."]*/@Audited(value = AuditAction.HOST_CREATE/g
s/AuditRecord\.\(success\|failure\|denied\)("host\.create", *[A-Za-z_."]*, */AuditRecord.\1(AuditAction.HOST_CREATE, /g
s/@Audited(action = "host\.update", objectType = [A-Za-z_."]*/@Audited(value = AuditAction.HOST_UPDATE/g
s/AuditRecord\.\(success\|failure\|denied\)("host\.update", *[A-Za-z_."]*, */AuditRecord.\1(AuditAction.HOST_UPDATE, /g
s/@Audited(action = "host\.delete", objectType = [A-Za-z_."]*/@Audited(value = AuditAction.HOST_DELETE/g
s/AuditRecord\.\(success\|failure\|denied\)("host\.delete", *[A-Za-z_."]*, */AuditRecord.\1(AuditAction.HOST_DELETE, /g
s/@Audited(action = "application\.create", objectType = [A-Za-z_."]*/@Audited(value = AuditAction.APPLICATION_CREATE/g
s/AuditRecord\.\(success\|failure\|denied\)("application\.create", *[A-Za-z_."]*, */AuditRecord.\1(AuditAction.APPLICATION_CREATE, /g
s/@Audited(action = "application\.update", objectType = [A-Za-z_."]*/@Audited(value = AuditAction.APPLICATION_UPDATE/g
s/AuditRecord\.\(success\|failure\|denied\)("application\.update", *[A-Za-z_."]*, */AuditRecord.\1(AuditAction.APPLICATION_UPDATE, /g
s/@Audited(action = "application\.delete", objectType = [A-Za-z_."]*/@Audited(value = AuditAction.APPLICATION_DELETE/g
s/AuditRecord\.\(success\|failure\|denied\)("application\.delete", *[A-Za-z_."]*, */AuditRecord.\1(AuditAction.APPLICATION_DELETE, /g
s/@Audited(action = "connection\.create", objectType = [A-Za-z_."]*/@Audited(value = AuditAction.CONNECTION_CREATE/g
s/AuditRecord\.\(success\|failure\|denied\)("connection\.create", *[A-Za-z_."]*, */AuditRecord.\1(AuditAction.CONNECTION_CREATE, /g
s/@Audited(action = "connection\.update", objectType = [A-Za-z_."]*/@Audited(value = AuditAction.CONNECTION_UPDATE/g
s/AuditRecord\.\(success\|failure\|denied\)("connection\.update", *[A-Za-z_."]*, */AuditRecord.\1(AuditAction.CONNECTION_UPDATE, /g
s/@Audited(action = "connection\.delete", objectType = [A-Za-z_."]*/@Audited(value = AuditAction.CONNECTION_DELETE/g
s/AuditRecord\.\(success\|failure\|denied\)("connection\.delete", *[A-Za-z_."]*, */AuditRecord.\1(AuditAction.CONNECTION_DELETE, /g
s/@Audited(action = "topology\.import", objectType = [A-Za-z_."]*/@Audited(value = AuditAction.TOPOLOGY_IMPORT/g
s/AuditRecord\.\(success\|failure\|denied\)("topology\.import", *[A-Za-z_."]*, */AuditRecord.\1(AuditAction.TOPOLOGY_IMPORT, /g
s/@Audited(action = "topology\.import\.genesys", objectType = [A-Za-z_."]*/@Audited(value = AuditAction.TOPOLOGY_IMPORT_GENESYS/g
s/AuditRecord\.\(success\|failure\|denied\)("topology\.import\.genesys", *[A-Za-z_."]*, */AuditRecord.\1(AuditAction.TOPOLOGY_IMPORT_GENESYS, /g
s/@Audited(action = "PROBE", objectType = [A-Za-z_."]*/@Audited(value = AuditAction.PROBE/g
s/AuditRecord\.\(success\|failure\|denied\)("PROBE", *[A-Za-z_."]*, */AuditRecord.\1(AuditAction.PROBE, /g
s/@Audited(action = "certificate\.import", objectType = [A-Za-z_."]*/@Audited(value = AuditAction.CERTIFICATE_IMPORT/g
s/AuditRecord\.\(success\|failure\|denied\)("certificate\.import", *[A-Za-z_."]*, */AuditRecord.\1(AuditAction.CERTIFICATE_IMPORT, /g
s/@Audited(action = "certificate\.update", objectType = [A-Za-z_."]*/@Audited(value = AuditAction.CERTIFICATE_UPDATE/g
s/AuditRecord\.\(success\|failure\|denied\)("certificate\.update", *[A-Za-z_."]*, */AuditRecord.\1(AuditAction.CERTIFICATE_UPDATE, /g
s/@Audited(action = "certificate\.delete", objectType = [A-Za-z_."]*/@Audited(value = AuditAction.CERTIFICATE_DELETE/g
s/AuditRecord\.\(success\|failure\|denied\)("certificate\.delete", *[A-Za-z_."]*, */AuditRecord.\1(AuditAction.CERTIFICATE_DELETE, /g
s/@Audited(action = "certificate\.assign", objectType = [A-Za-z_."]*/@Audited(value = AuditAction.CERTIFICATE_ASSIGN/g
s/AuditRecord\.\(success\|failure\|denied\)("certificate\.assign", *[A-Za-z_."]*, */AuditRecord.\1(AuditAction.CERTIFICATE_ASSIGN, /g
s/@Audited(action = "certificate\.bundle\.export", objectType = [A-Za-z_."]*/@Audited(value = AuditAction.CERTIFICATE_BUNDLE_EXPORT/g
s/AuditRecord\.\(success\|failure\|denied\)("certificate\.bundle\.export", *[A-Za-z_."]*, */AuditRecord.\1(AuditAction.CERTIFICATE_BUNDLE_EXPORT, /g
s/@Audited(action = "certificate\.key\.export", objectType = [A-Za-z_."]*/@Audited(value = AuditAction.CERTIFICATE_KEY_EXPORT/g
s/AuditRecord\.\(success\|failure\|denied\)("certificate\.key\.export", *[A-Za-z_."]*, */AuditRecord.\1(AuditAction.CERTIFICATE_KEY_EXPORT, /g
s/@Audited(action = "certificate\.issue", objectType = [A-Za-z_."]*/@Audited(value = AuditAction.CERTIFICATE_ISSUE/g
s/AuditRecord\.\(success\|failure\|denied\)("certificate\.issue", *[A-Za-z_."]*, */AuditRecord.\1(AuditAction.CERTIFICATE_ISSUE, /g
s/@Audited(action = "certificate\.sign-csr", objectType = [A-Za-z_."]*/@Audited(value = AuditAction.CERTIFICATE_SIGN_CSR/g
s/AuditRecord\.\(success\|failure\|denied\)("certificate\.sign-csr", *[A-Za-z_."]*, */AuditRecord.\1(AuditAction.CERTIFICATE_SIGN_CSR, /g
s/@Audited(action = "certificate\.revoke", objectType = [A-Za-z_."]*/@Audited(value = AuditAction.CERTIFICATE_REVOKE/g
s/AuditRecord\.\(success\|failure\|denied\)("certificate\.revoke", *[A-Za-z_."]*, */AuditRecord.\1(AuditAction.CERTIFICATE_REVOKE, /g
s/@Audited(action = "authority\.create", objectType = [A-Za-z_."]*/@Audited(value = AuditAction.AUTHORITY_CREATE/g
s/AuditRecord\.\(success\|failure\|denied\)("authority\.create", *[A-Za-z_."]*, */AuditRecord.\1(AuditAction.AUTHORITY_CREATE, /g
s/@Audited(action = "authority\.update", objectType = [A-Za-z_."]*/@Audited(value = AuditAction.AUTHORITY_UPDATE/g
s/AuditRecord\.\(success\|failure\|denied\)("authority\.update", *[A-Za-z_."]*, */AuditRecord.\1(AuditAction.AUTHORITY_UPDATE, /g
s/@Audited(action = "authority\.crl\.publish", objectType = [A-Za-z_."]*/@Audited(value = AuditAction.AUTHORITY_CRL_PUBLISH/g
s/AuditRecord\.\(success\|failure\|denied\)("authority\.crl\.publish", *[A-Za-z_."]*, */AuditRecord.\1(AuditAction.AUTHORITY_CRL_PUBLISH, /g
s/@Audited(action = "crl\.import", objectType = [A-Za-z_."]*/@Audited(value = AuditAction.CRL_IMPORT/g
s/AuditRecord\.\(success\|failure\|denied\)("crl\.import", *[A-Za-z_."]*, */AuditRecord.\1(AuditAction.CRL_IMPORT, /g
s/@Audited(action = "notification-channel\.create", objectType = [A-Za-z_."]*/@Audited(value = AuditAction.NOTIFICATION_CHANNEL_CREATE/g
s/AuditRecord\.\(success\|failure\|denied\)("notification-channel\.create", *[A-Za-z_."]*, */AuditRecord.\1(AuditAction.NOTIFICATION_CHANNEL_CREATE, /g
s/@Audited(action = "notification-channel\.update", objectType = [A-Za-z_."]*/@Audited(value = AuditAction.NOTIFICATION_CHANNEL_UPDATE/g
s/AuditRecord\.\(success\|failure\|denied\)("notification-channel\.update", *[A-Za-z_."]*, */AuditRecord.\1(AuditAction.NOTIFICATION_CHANNEL_UPDATE, /g
s/@Audited(action = "notification-channel\.delete", objectType = [A-Za-z_."]*/@Audited(value = AuditAction.NOTIFICATION_CHANNEL_DELETE/g
s/AuditRecord\.\(success\|failure\|denied\)("notification-channel\.delete", *[A-Za-z_."]*, */AuditRecord.\1(AuditAction.NOTIFICATION_CHANNEL_DELETE, /g
s/@Audited(action = "notification-channel\.test", objectType = [A-Za-z_."]*/@Audited(value = AuditAction.NOTIFICATION_CHANNEL_TEST/g
s/AuditRecord\.\(success\|failure\|denied\)("notification-channel\.test", *[A-Za-z_."]*, */AuditRecord.\1(AuditAction.NOTIFICATION_CHANNEL_TEST, /g
s/@Audited(action = "notifications\.run", objectType = [A-Za-z_."]*/@Audited(value = AuditAction.NOTIFICATIONS_RUN/g
s/AuditRecord\.\(success\|failure\|denied\)("notifications\.run", *[A-Za-z_."]*, */AuditRecord.\1(AuditAction.NOTIFICATIONS_RUN, /g
s/@Audited(action = "user\.create", objectType = [A-Za-z_."]*/@Audited(value = AuditAction.USER_CREATE/g
s/AuditRecord\.\(success\|failure\|denied\)("user\.create", *[A-Za-z_."]*, */AuditRecord.\1(AuditAction.USER_CREATE, /g
s/@Audited(action = "user\.update", objectType = [A-Za-z_."]*/@Audited(value = AuditAction.USER_UPDATE/g
s/AuditRecord\.\(success\|failure\|denied\)("user\.update", *[A-Za-z_."]*, */AuditRecord.\1(AuditAction.USER_UPDATE, /g
s/@Audited(action = "user\.password\.reset", objectType = [A-Za-z_."]*/@Audited(value = AuditAction.USER_PASSWORD_RESET/g
s/AuditRecord\.\(success\|failure\|denied\)("user\.password\.reset", *[A-Za-z_."]*, */AuditRecord.\1(AuditAction.USER_PASSWORD_RESET, /g
s/@Audited(action = "user\.password\.change", objectType = [A-Za-z_."]*/@Audited(value = AuditAction.USER_PASSWORD_CHANGE/g
s/AuditRecord\.\(success\|failure\|denied\)("user\.password\.change", *[A-Za-z_."]*, */AuditRecord.\1(AuditAction.USER_PASSWORD_CHANGE, /g
s/@Audited(action = "user\.unlock", objectType = [A-Za-z_."]*/@Audited(value = AuditAction.USER_UNLOCK/g
s/AuditRecord\.\(success\|failure\|denied\)("user\.unlock", *[A-Za-z_."]*, */AuditRecord.\1(AuditAction.USER_UNLOCK, /g
s/@Audited(action = "token\.create", objectType = [A-Za-z_."]*/@Audited(value = AuditAction.TOKEN_CREATE/g
s/AuditRecord\.\(success\|failure\|denied\)("token\.create", *[A-Za-z_."]*, */AuditRecord.\1(AuditAction.TOKEN_CREATE, /g
s/@Audited(action = "token\.revoke", objectType = [A-Za-z_."]*/@Audited(value = AuditAction.TOKEN_REVOKE/g
s/AuditRecord\.\(success\|failure\|denied\)("token\.revoke", *[A-Za-z_."]*, */AuditRecord.\1(AuditAction.TOKEN_REVOKE, /g
s/@Audited(action = "auth\.login", objectType = [A-Za-z_."]*/@Audited(value = AuditAction.AUTH_LOGIN/g
s/AuditRecord\.\(success\|failure\|denied\)("auth\.login", *[A-Za-z_."]*, */AuditRecord.\1(AuditAction.AUTH_LOGIN, /g
s/@Audited(action = "auth\.logout", objectType = [A-Za-z_."]*/@Audited(value = AuditAction.AUTH_LOGOUT/g
s/AuditRecord\.\(success\|failure\|denied\)("auth\.logout", *[A-Za-z_."]*, */AuditRecord.\1(AuditAction.AUTH_LOGOUT, /g
s/@Audited(action = "auth\.lockout", objectType = [A-Za-z_."]*/@Audited(value = AuditAction.AUTH_LOCKOUT/g
s/AuditRecord\.\(success\|failure\|denied\)("auth\.lockout", *[A-Za-z_."]*, */AuditRecord.\1(AuditAction.AUTH_LOCKOUT, /g
s/@Audited(action = "auth\.token", objectType = [A-Za-z_."]*/@Audited(value = AuditAction.AUTH_TOKEN/g
s/AuditRecord\.\(success\|failure\|denied\)("auth\.token", *[A-Za-z_."]*, */AuditRecord.\1(AuditAction.AUTH_TOKEN, /g
s/@Audited(action = "access\.denied", objectType = [A-Za-z_."]*/@Audited(value = AuditAction.ACCESS_DENIED/g
s/AuditRecord\.\(success\|failure\|denied\)("access\.denied", *[A-Za-z_."]*, */AuditRecord.\1(AuditAction.ACCESS_DENIED, /g
s/@Audited(action = "request\.rejected", objectType = [A-Za-z_."]*/@Audited(value = AuditAction.REQUEST_REJECTED/g
s/AuditRecord\.\(success\|failure\|denied\)("request\.rejected", *[A-Za-z_."]*, */AuditRecord.\1(AuditAction.REQUEST_REJECTED, /g
s/@Audited(action = "audit\.export", objectType = [A-Za-z_."]*/@Audited(value = AuditAction.AUDIT_EXPORT/g
s/AuditRecord\.\(success\|failure\|denied\)("audit\.export", *[A-Za-z_."]*, */AuditRecord.\1(AuditAction.AUDIT_EXPORT, /g
s/@Audited(action = "audit\.purge", objectType = [A-Za-z_."]*/@Audited(value = AuditAction.AUDIT_PURGE/g
s/AuditRecord\.\(success\|failure\|denied\)("audit\.purge", *[A-Za-z_."]*, */AuditRecord.\1(AuditAction.AUDIT_PURGE, /g
s/@Audited(action = "audit\.chain\.keyed", objectType = [A-Za-z_."]*/@Audited(value = AuditAction.AUDIT_CHAIN_KEYED/g
s/AuditRecord\.\(success\|failure\|denied\)("audit\.chain\.keyed", *[A-Za-z_."]*, */AuditRecord.\1(AuditAction.AUDIT_CHAIN_KEYED, /g
s/@Audited(value = \(AuditAction\.[A-Z_]*\))/@Audited(\1)/g
/AuditAction\./{/import dev\.tlsconsole\.audit\.AuditAction;/!s/import dev\.tlsconsole\.audit\.\(AuditRecord\|Audited\);/import dev.tlsconsole.audit.AuditAction;\n&/}

# --- not expressible as sed (the coordinator checks these by hand in other branches' new code):
# - AuditRecord's String factories are gone: AuditRecord.success(AuditAction, id, name, before, after) outside an
#   @Audited method; inside one, AuditRecord.success(id, name, before, after) takes action/type (and id when null)
#   from the running @Audited. New action strings need a constant in audit/AuditAction.
# - AuditObjectLink.objectType() returns AuditObjectType; DeniedOperation is (AuditAction, objectId, objectName).
# - Removed constants: HostService/ApplicationService/ConnectionService.TYPE, CertificateInventory.CERTIFICATE,
#   CrlImport.CRL, AuthorityService.AUTHORITY, AccountService.USER, NotificationChannels.CHANNEL,
#   ApiTokenService.TOKEN, ProbeTargets.AUDIT_ACTION/AUDIT_TYPE -> AuditAction / AuditObjectType.
# - Removed finders: CertificateStore.findByFingerprint/findByThumbprint,
#   CertificateRepository.findBySha1ThumbprintIgnoreCase, AuthorityRepository.findByCertificateId.
# - Running the engine over live data outside resolution.LiveEngine fails ArchitectureTests: call LiveEngine
#   (or certificates' ConnectionPolicies) instead of new PolicyResolver(...)/PolicyPreview.preview(...).
# - Topology entities/repositories outside topology fail ArchitectureTests: use ApplicationDirectory.hostNamed /
#   applicationNamed (HostFacts, ApplicationFacts, PortFacts) or TopologyReader/TopologyQueries rows.
# - DataDirectoryPreparer no longer prepares the TLS certificate: certificates.ConsoleCertificatePreparer does
#   (META-INF/spring.factories lists both).
