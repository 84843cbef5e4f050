package org.convlab.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** An account. The password is only ever kept hashed (BCrypt, through Spring Security). */
@Entity
@Table(name = "app_user")
public class AppUser {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 64)
    private String username;

    @Column(name = "display_name", nullable = false, length = 120)
    private String displayName;

    @Column(name = "password_hash", nullable = false, length = 200)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Role role;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Set when a teacher or the admin resets the password: the next sign-in must choose a new one. */
    @Column(name = "must_change_password", nullable = false)
    private boolean mustChangePassword;

    /** A disabled account cannot sign in, and its open sessions stop at their next request. */
    @Column(nullable = false)
    private boolean disabled;

    /** The language chosen with the header's switch, as a tag ("de"); null follows the browser. */
    @Column(length = 16)
    private String language;

    protected AppUser() {}

    public AppUser(String username, String displayName, String passwordHash, Role role) {
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.role = role;
        this.createdAt = Instant.now();
    }

    public Long getId() { return id; }
    public String getUsername() { return username; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public String getPasswordHash() { return passwordHash; }
    public void setPasswordHash(String passwordHash) { this.passwordHash = passwordHash; }
    public Role getRole() { return role; }
    public void setRole(Role role) { this.role = role; }
    public Instant getCreatedAt() { return createdAt; }
    public boolean isMustChangePassword() { return mustChangePassword; }
    public void setMustChangePassword(boolean mustChangePassword) { this.mustChangePassword = mustChangePassword; }
    public boolean isDisabled() { return disabled; }
    public void setDisabled(boolean disabled) { this.disabled = disabled; }

    public Optional<Locale> getLanguage() { return Optional.ofNullable(language).map(Locale::forLanguageTag); }
    public void setLanguage(Locale language) { this.language = language == null ? null : language.toLanguageTag(); }

    public boolean isTeacher() { return role == Role.TEACHER || role == Role.ADMIN; }
    public boolean isAdmin() { return role == Role.ADMIN; }
}
