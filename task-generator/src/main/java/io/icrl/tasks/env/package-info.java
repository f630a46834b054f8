/** Environment API with Gymnasium semantics: discrete and continuous environments. */
package io.icrl.tasks.env;
