/** Reading and writing tasks as files: tabular MDPs as JSON in the golden Gymnasium format. */
package io.icrl.tasks.io;
